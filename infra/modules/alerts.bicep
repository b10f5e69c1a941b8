// Alerts the office's IT admin gets by e-mail: an instance failing its health check (storage not
// answering), the bot answering Teams with server errors, and exceptions piling up.

param name string

@description('E-mail address that receives alerts.')
param alertEmail string

@description('Resource id of the web app.')
param siteId string

@description('Resource id of Application Insights.')
param appInsightsId string

param tags object

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${name}-admins'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'botadmins'
    enabled: true
    emailReceivers: [
      {
        name: 'it-admin'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var alerts = [
  {
    name: '${name}-health'
    description: 'An instance fails /healthz: storage does not answer the bot.'
    scope: siteId
    metricNamespace: 'Microsoft.Web/sites'
    metricName: 'HealthCheckStatus'
    operator: 'LessThan'
    threshold: 100
    aggregation: 'Average'
    severity: 1
  }
  {
    name: '${name}-http5xx'
    description: 'The bot answered requests with 5xx: Teams retries and users may see nothing.'
    scope: siteId
    metricNamespace: 'Microsoft.Web/sites'
    metricName: 'Http5xx'
    operator: 'GreaterThan'
    threshold: 5
    aggregation: 'Total'
    severity: 2
  }
  {
    name: '${name}-exceptions'
    description: 'Exceptions logged by the bot (each apology reference SB-… is one).'
    scope: appInsightsId
    metricNamespace: 'Microsoft.Insights/components'
    metricName: 'exceptions/count'
    operator: 'GreaterThan'
    threshold: 10
    aggregation: 'Count'
    severity: 3
  }
]

resource metricAlerts 'Microsoft.Insights/metricAlerts@2018-03-01' = [for alert in alerts: {
  name: alert.name
  location: 'global'
  tags: tags
  properties: {
    description: alert.description
    severity: alert.severity
    enabled: true
    scopes: [
      alert.scope
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'threshold'
          metricNamespace: alert.metricNamespace
          metricName: alert.metricName
          operator: alert.operator
          threshold: alert.threshold
          timeAggregation: alert.aggregation
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}]
