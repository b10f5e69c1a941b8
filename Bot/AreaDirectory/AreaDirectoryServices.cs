using Microsoft.Extensions.Options;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Bot.AreaDirectory;

public static class AreaDirectoryServices
{
    /// <summary>
    /// The directory in Table Storage, in front of the roles and pickers registered before this call:
    /// those stay the answer for people and lists the directory does not hold. Call it after them.
    /// </summary>
    public static IServiceCollection AddAreaDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AreaDirectoryOptions>(configuration.GetSection("Directory"));
        services.AddSingleton<TableDirectoryStore>();
        services.AddSingleton<IDirectoryImporter>(sp => sp.GetRequiredService<TableDirectoryStore>());
        services.AddSingleton<DirectoryCache>();
        services.AddSingleton<IOfficeDirectorySource>(sp => sp.GetRequiredService<DirectoryCache>());
        // A pre-authorised link: no token, no cookies, no automatic redirects (each hop is checked).
        services.AddHttpClient(HttpFileDownloads.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<IFileDownloads, HttpFileDownloads>();
        services.AddSingleton<DirectoryUpload>();

        var roles = InFront<IRoleDirectory>(services);
        services.AddSingleton<IRoleDirectory>(sp =>
        {
            var admins = sp.GetRequiredService<IOptionsMonitor<AreaDirectoryOptions>>();
            return new DirectoryRoles(sp.GetRequiredService<IOfficeDirectorySource>(), roles(sp),
                id => admins.CurrentValue.Admins.Contains(id, StringComparer.OrdinalIgnoreCase));
        });
        var pickers = InFront<IPickerChoices>(services);
        services.AddSingleton<IPickerChoices>(sp => new DirectoryPickerChoices(sp.GetRequiredService<IOfficeDirectorySource>(), pickers(sp)));
        return services;
    }

    /// <summary>Takes the current registration of <typeparamref name="T"/> out, to be built as the fallback of the one put in front of it.</summary>
    private static Func<IServiceProvider, T> InFront<T>(IServiceCollection services) where T : class
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(T))
            ?? throw new InvalidOperationException($"Register {typeof(T).Name} before AddAreaDirectory: it answers for what the directory does not hold.");
        services.Remove(existing);
        return sp => existing switch
        {
            { ImplementationInstance: T instance } => instance,
            { ImplementationFactory: { } factory } => (T)factory(sp),
            _ => (T)ActivatorUtilities.CreateInstance(sp, existing.ImplementationType!),
        };
    }
}
