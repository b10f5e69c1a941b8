// Only for what cannot be a managed identity: the client secret of a SingleTenant bot registration.
// A UserAssignedMSI bot has no secret and this module is not deployed.

@description('Key Vault name: 3-24 letters, digits and hyphens, unique in Azure.')
@minLength(3)
@maxLength(24)
param vaultName string

param location string

param tenantId string

@description('The bot app registration\'s client secret.')
@secure()
param botAppSecret string

@description('Resource id of the bot\'s user-assigned managed identity, which reads the secret.')
param botIdentityId string

@description('Principal (object) id of that identity.')
param botPrincipalId string

param tags object

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource appSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'MicrosoftAppPassword'
  properties: {
    value: botAppSecret
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: appSecret
  name: guid(appSecret.id, botIdentityId, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: botPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('For an App Service Key Vault reference; a URI, not the secret.')
output appSecretUri string = appSecret.properties.secretUri
