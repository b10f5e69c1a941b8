using Microsoft.Extensions.Options;
using SupervisionBot.Dialogs.Export;
using SupervisionBot.Dialogs.Routing;

namespace SupervisionBot.Bot.Export;

public static class ExportServices
{
    /// <summary>ส่งออก / export in chat: the card, the file-consent offer, and the upload once the user allows it.</summary>
    public static IServiceCollection AddChatExport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExportOptions>, ExportOptionsValidator>();
        // A pre-authorised link: no token, no cookies, no redirects.
        services.AddHttpClient(FileUploadClient.ClientName, client => client.Timeout = TimeSpan.FromMinutes(2))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<FileUploadClient>();
        services.AddTransient<IFileOffers, FileConsentOffers>();
        services.AddTransient<ExportDelivery>();
        services.AddSingleton<ExportUploads>();
        services.AddHostedService(sp => sp.GetRequiredService<ExportUploads>());
        services.AddTransient<FileConsentHandler>();
        services.AddTransient<ITurnFeature, ExportFeature>();
        return services;
    }
}
