// Application Insights backed by a Log Analytics workspace: the bot's OpenTelemetry traces,
// metrics and logs land here (APPLICATIONINSIGHTS_CONNECTION_STRING).

@description('Prefix for resource names.')
param name string

@description('Azure region.')
param location string

@description('Days the workspace keeps logs; 30 is included in the price.')
@minValue(30)
@maxValue(730)
param retentionInDays int

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

output connectionString string = appInsights.properties.ConnectionString
output appInsightsId string = appInsights.id
output workspaceId string = workspace.id
