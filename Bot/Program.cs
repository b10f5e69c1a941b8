using SupervisionBot.Bot;

var app = BotHost.Build(args);
await app.RunAsync();
