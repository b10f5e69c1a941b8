// The Azure Bot registration: where Teams sends activities (the web app's /api/messages) and which
// identity the bot uses, with the Microsoft Teams channel switched on.

@description('Azure Bot resource name (also its handle).')
param name string

@description('Name shown in the Azure portal.')
param displayName string

@description('SingleTenant or UserAssignedMSI.')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param appType string

@description('The bot\'s Microsoft App ID: the managed identity\'s client id, or the app registration\'s.')
param appId string

param tenantId string

@description('Resource id of the user-assigned identity (UserAssignedMSI only).')
param identityId string

@description('https://<host>/api/messages')
param endpoint string

@description('F0 (free, 10,000 premium messages a month) or S1.')
@allowed([
  'F0'
  'S1'
])
param skuName string

param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // Azure Bot resources are global; the data they handle stays with the web app and storage.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
