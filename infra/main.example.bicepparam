// Example parameters for infra/main.bicep. Copy, change the name and e-mail, and deploy with
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.example.bicepparam
using 'main.bicep'

param name = 'sesao1-supervision'
param alertEmail = 'it-admin@example.org'
param botAppType = 'UserAssignedMSI'
param instanceCount = 2
param appServiceSku = 'P0v3'
param storageSku = 'Standard_ZRS'
param logRetentionDays = 90
