// SupervisionBot in one resource group: the bot's identity, storage, web app, Azure Bot with the
// Teams channel, Application Insights and alerts. Deploy with
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.example.bicepparam
// and build the Teams package from the outputs: manifest/build.sh <botAppId> <botHostName>.

metadata description = 'SupervisionBot: Teams bot of the supervision unit (App Service, Azure Bot, Table/Queue storage, Application Insights).'

@description('Prefix for resource names, e.g. sesao1-supervision.')
@minLength(3)
@maxLength(20)
param name string

@description('Azure region for everything but the (global) Azure Bot.')
param location string = resourceGroup().location

@description('UserAssignedMSI needs no secret at all; SingleTenant uses an existing app registration and its secret, kept in Key Vault.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s client id.')
param singleTenantAppId string = ''

@description('SingleTenant only: the app registration\'s client secret (goes to Key Vault).')
@secure()
param singleTenantAppSecret string = ''

@description('App Service plan SKU.')
param appServiceSku string = 'P0v3'

@description('Web app instances; the bot is safe with several.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Storage redundancy.')
param storageSku string = 'Standard_ZRS'

@description('Azure Bot SKU: F0 is enough for Teams, which is a standard channel.')
param botSku string = 'F0'

@description('Days Log Analytics keeps logs.')
param logRetentionDays int = 90

@description('E-mail address for alerts.')
param alertEmail string

param tags object = {
  app: 'SupervisionBot'
}

var tenantId = tenant().tenantId
var uniqueSuffix = uniqueString(resourceGroup().id, name)
var isManagedIdentityBot = botAppType == 'UserAssignedMSI'

// The bot's tables (Bot/Storage/SupervisionTables.cs; a test fails when one is missing here) and queues.
var tableNames = [
  'Conversations'
  'ProcessedActivities'
  'FormSessions'
  'Responses'
  'Respondents'
  'People'
  'PendingResponses'
  'Receipts'
  'Schedule'
  'ScheduledJobs'
  'Directory'
  'FollowUps'
  'SchoolHistory'
  'Campaigns'
  'Visits'
]
var queueNames = [
  'outbox'
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-identity'
  location: location
  tags: tags
}

var botAppId = isManagedIdentityBot ? identity.properties.clientId : singleTenantAppId

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: name
    location: location
    retentionInDays: logRetentionDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    accountName: take(toLower('${replace(name, '-', '')}${uniqueSuffix}'), 24)
    location: location
    skuName: storageSku
    tableNames: tableNames
    queueNames: queueNames
    botIdentityId: identity.id
    botPrincipalId: identity.properties.principalId
    tags: tags
  }
}

module keyVault 'modules/keyVault.bicep' = if (!isManagedIdentityBot) {
  name: 'keyVault'
  params: {
    vaultName: take('${name}-kv-${uniqueSuffix}', 24)
    location: location
    tenantId: tenantId
    botAppSecret: singleTenantAppSecret
    botIdentityId: identity.id
    botPrincipalId: identity.properties.principalId
    tags: tags
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    name: name
    location: location
    skuName: appServiceSku
    instanceCount: instanceCount
    identityId: identity.id
    identityClientId: identity.properties.clientId
    botAppType: botAppType
    botAppId: botAppId
    tenantId: tenantId
    botAppSecretUri: keyVault.?outputs.appSecretUri ?? ''
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    appInsightsConnectionString: monitoring.outputs.connectionString
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${name}-${uniqueSuffix}'
    displayName: 'SupervisionBot'
    appType: botAppType
    appId: botAppId
    tenantId: tenantId
    identityId: identity.id
    endpoint: 'https://${app.outputs.hostName}/api/messages'
    skuName: botSku
    tags: tags
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    name: name
    alertEmail: alertEmail
    siteId: app.outputs.siteId
    appInsightsId: monitoring.outputs.appInsightsId
    tags: tags
  }
}

@description('Where Teams sends activities; set on the Azure Bot already.')
output botEndpoint string = 'https://${app.outputs.hostName}/api/messages'

@description('First argument of manifest/build.sh: the bot id and webApplicationInfo id in the Teams manifest.')
output botAppId string = botAppId

@description('Second argument of manifest/build.sh: the manifest\'s valid domain.')
output botHostName string = app.outputs.hostName

@description('Tenant whose Teams uses the bot.')
output tenantId string = tenantId

@description('Client id of the managed identity; grant Graph application permissions to its service principal.')
output identityClientId string = identity.properties.clientId

@description('Object id of the managed identity\'s service principal (for Graph app-role assignments).')
output identityPrincipalId string = identity.properties.principalId

@description('The web app, for az webapp deploy.')
output webAppName string = app.outputs.siteName

@description('The Azure Bot resource.')
output botName string = bot.outputs.name
