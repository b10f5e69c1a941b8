using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Tests.Storage;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SupervisionBot.Tests.Protocol;

/// <summary>
/// Azure answers 400 to a key over 1 KiB; Azurite does not, so the limit is ours to keep. A stand-in
/// table endpoint answering 400 to everything, as Azure does to such a key, shows whether a lookup
/// with an id from a card still reaches the store.
/// </summary>
public sealed class TableKeyLimitTests : IDisposable
{
    private readonly WireMockServer _azure = WireMockServer.Start();

    public TableKeyLimitTests() =>
        _azure.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(400)
                .WithBody("{\"odata.error\":{\"code\":\"KeyValueTooLarge\",\"message\":{\"lang\":\"en-US\",\"value\":\"The key is too large.\"}}}"));

    public void Dispose() => _azure.Stop();

    [Theory]
    [InlineData(480, true)]
    [InlineData(481, false)]
    [InlineData(5000, false)]
    public void Ids_fit_up_to_the_key_limit_counted_after_escaping(int length, bool fits)
    {
        Assert.Equal(fits, TableKeys.Fits(new string('x', length)));
    }

    [Fact]
    public void Escaping_counts_against_the_limit()
    {
        var slashes = new string('/', 170);

        Assert.Equal(510, TableKeys.Escape(slashes).Length);
        Assert.False(TableKeys.Fits(slashes));
        Assert.True(TableKeys.Fits(new string('/', 160)));
    }

    [Fact]
    public async Task A_forged_session_id_too_long_for_a_key_is_not_found_without_asking_the_store()
    {
        var tables = ConversationReferenceStoreTests.NewTables(StorageOptions.Azurite(_azure.Port, Ports.Free()), "keys");
        var responses = new TableResponseStore(tables, new PendingAnonymousResponses(tables, Options.Create(new PrivacyOptions()), TimeProvider.System));

        var found = await responses.FindReceiptAsync("aad-teacher", "supervision-satisfaction", new string('s', 5000), CancellationToken.None);

        Assert.Null(found);
        Assert.Empty(_azure.LogEntries);
    }
}
