// The bot's web app: Linux App Service on .NET 10, the user-assigned identity, HTTPS only, and a
// health check on /healthz. Several instances are safe: the bot keeps conversation state in Table
// Storage, not in memory, and its background jobs are built to run on several instances at once.

@description('Prefix for resource names; the web app is <name>-bot.')
param name string

param location string

@description('App Service plan SKU; P0v3 or above for always-on and zone spreading.')
param skuName string

@description('Instances the plan runs. The bot is safe with several; 2 survives one instance restarting.')
@minValue(1)
@maxValue(10)
param instanceCount int

@description('Resource id of the bot\'s user-assigned managed identity.')
param identityId string

@description('Client id of that identity (AZURE_CLIENT_ID: storage and Key Vault use it).')
param identityClientId string

@description('SingleTenant or UserAssignedMSI.')
param botAppType string

@description('The Azure Bot\'s Microsoft App ID.')
param botAppId string

param tenantId string

@description('Key Vault URI of the bot secret (SingleTenant only); empty for UserAssignedMSI.')
param botAppSecretUri string

param tableEndpoint string

param queueEndpoint string

@description('Application Insights connection string the bot exports OpenTelemetry to.')
param appInsightsConnectionString string

param tags object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

var secretSettings = empty(botAppSecretUri) ? [] : [
  {
    name: 'MicrosoftAppPassword'
    value: '@Microsoft.KeyVault(SecretUri=${botAppSecretUri})'
  }
]

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: '${name}-bot'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat([
        {
          name: 'MicrosoftAppType'
          value: botAppType
        }
        {
          name: 'MicrosoftAppId'
          value: botAppId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: tenantId
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identityClientId
        }
        {
          name: 'Storage__TableEndpoint'
          value: tableEndpoint
        }
        {
          name: 'Outbox__QueueEndpoint'
          value: queueEndpoint
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsightsConnectionString
        }
        {
          // Removes an instance that fails /healthz this many times in a row (minimum 2).
          name: 'WEBSITE_HEALTHCHECK_MAXPINGFAILURES'
          value: '3'
        }
      ], secretSettings)
    }
  }
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output hostName string = site.properties.defaultHostName
output siteName string = site.name
output siteId string = site.id
