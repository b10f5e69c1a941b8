using Microsoft.Extensions.DependencyInjection;

namespace SupervisionBot.Tests.Support;

public static class TestHttp
{
    /// <summary>A real IHttpClientFactory, as the host would build it, for components constructed by hand.</summary>
    public static IHttpClientFactory ClientFactory() =>
        new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
}
