using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SupervisionBot.Cards.Builders;

namespace SupervisionBot.Tests.Fuzz;

/// <summary>A card a fuzz case may tamper with: a form really open in a pool conversation.</summary>
public sealed record OpenForm(string ConversationId, string FormId, string SessionId, IReadOnlyList<string> SectionIds, IReadOnlyDictionary<string, string> ValidAnswers);

/// <summary>One request the fuzzer sends, and the conversation it named when it was still readable JSON.</summary>
public sealed record FuzzInput(byte[] Body, string Category, string? FreshConversationId);

/// <summary>
/// Makes mutated and malformed activities from well-formed ones. Case <c>i</c> depends only on the
/// seed and <c>i</c>, so a failing case can be made again alone, whatever order the requests ran in.
/// </summary>
public sealed class FuzzInputs(int seed, string serviceUrl, IReadOnlyList<OpenForm> openForms)
{
    private static readonly string[] Categories =
        ["invalid-json", "wrong-type", "deep-nesting", "huge-string", "thai-marks", "control-chars", "surrogates-duplicates", "envelope", "tampered-card", "tampered-card", "service-url"];

    /// <summary>
    /// Service URLs no channel sends: each must be refused before anything is stored. (Hosts off the
    /// allow-list are refused outside local mode, which the fuzzed bot runs in: InboundHardeningTests.)
    /// </summary>
    private static readonly string[] BadServiceUrls =
        ["", " ", "file:///etc/passwd", "ftp://smba.trafficmanager.net/", "javascript:alert(1)", "/v3/conversations", "smba.trafficmanager.net",
         "https://user:pass@smba.trafficmanager.net/", "https://", "http://[::1", "\\\\server\\share", "gopher://127.0.0.1:25/", "data:text/plain,hi"];

    private static readonly string[] Verbs =
        [CardVerbs.FormStart, CardVerbs.FormBack, CardVerbs.FormNext, CardVerbs.FormReview, CardVerbs.FormEdit, CardVerbs.FormSubmit, CardVerbs.FormCancel, CardVerbs.FormsMenu, "help", "form.", "form.submit ", "FORM.SUBMIT", "form.delete", ""];

    private static readonly string[] Texts = ["help", "ช่วยเหลือ", "สวัสดีครับ", "satisfaction", "ประเมิน", "ยกเลิก", "status", "", " ", "?"];

    public FuzzInput Make(int index)
    {
        // Not HashCode.Combine: it is seeded anew in every process, so no run could be repeated from its seed.
        var rng = new Random(unchecked((seed * 397) ^ index));
        var category = Categories[rng.Next(Categories.Length)];
        var fresh = "a:fuzz-" + index;
        var activity = category == "tampered-card" ? TamperedCard(rng) : WellFormed(rng, rng.Next(3) == 0 ? Pool(rng) : fresh);
        switch (category)
        {
            case "invalid-json":
                return new FuzzInput(InvalidJson(rng, activity.ToJsonString()), category, null);
            case "wrong-type":
                Replace(rng, activity, AnyValue(rng));
                break;
            case "deep-nesting":
                Replace(rng, activity, Nested(rng, rng.Next(2, 120)));
                break;
            case "huge-string":
                Replace(rng, activity, HugeString(rng));
                break;
            case "thai-marks":
                Replace(rng, activity, ThaiMarks(rng, rng.Next(1, 400)));
                break;
            case "control-chars":
                Replace(rng, activity, ControlChars(rng));
                break;
            case "surrogates-duplicates":
                return new FuzzInput(SurrogatesOrDuplicates(rng, activity), category, ConversationOf(activity, fresh));
            case "envelope":
                Envelope(rng, activity);
                break;
            case "service-url":
                activity["serviceUrl"] = rng.Next(8) == 0 ? new string('a', 40_000) : Pick(rng, BadServiceUrls);
                break;
        }
        return new FuzzInput(Encoding.UTF8.GetBytes(activity.ToJsonString()), category, ConversationOf(activity, fresh));
    }

    /// <summary>A normal activity of one of the kinds Teams sends.</summary>
    public JsonObject WellFormed(Random rng, string conversationId)
    {
        var activity = Envelope(rng.Next(6) switch
        {
            0 or 1 => "message",
            2 => "invoke",
            3 => "installationUpdate",
            4 => "conversationUpdate",
            _ => Pick(rng, ["typing", "messageReaction", "event", "somethingNew"]),
        }, conversationId, rng);
        switch ((string)activity["type"]!)
        {
            case "message":
                activity["text"] = Pick(rng, Texts);
                if (rng.Next(3) == 0)
                {
                    activity["conversation"]!["conversationType"] = "channel";
                    activity["text"] = "<at>SupervisionBot</at> " + Pick(rng, Texts);
                    activity["entities"] = new JsonArray(Mention("<at>SupervisionBot</at>"), new JsonObject { ["type"] = "clientInfo", ["locale"] = "th-TH" });
                }
                break;
            case "invoke":
                activity["name"] = "adaptiveCard/action";
                activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = Pick(rng, Verbs), ["data"] = new JsonObject() } };
                break;
            case "installationUpdate":
                activity["action"] = Pick(rng, ["add", "remove", "add-upgrade"]);
                break;
            case "conversationUpdate":
                activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot" });
                break;
            default:
                activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
                break;
        }
        return activity;
    }

    /// <summary>A plain personal-chat message, as a teacher types it.</summary>
    public JsonObject PlainMessage(string conversationId, string text)
    {
        var message = Envelope("message", conversationId, new Random(seed));
        message["text"] = text;
        return message;
    }

    private JsonObject Envelope(string type, string conversationId, Random rng) => new()
    {
        ["type"] = type,
        ["id"] = "f" + rng.NextInt64().ToString("x", CultureInfo.InvariantCulture),
        ["timestamp"] = "2026-11-30T03:00:00.000Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["locale"] = Pick(rng, ["th-TH", "en-US"]),
        ["from"] = new JsonObject { ["id"] = "29:fuzz-teacher", ["name"] = "ครูสมศรี", ["aadObjectId"] = "aad-fuzz-teacher" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "SupervisionBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tid" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tid" } },
    };

    private static JsonObject Mention(string text) => new()
    {
        ["type"] = "mention",
        ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "SupervisionBot" },
        ["text"] = text,
    };

    private string Pool(Random rng) => openForms.Count > 0 ? openForms[rng.Next(openForms.Count)].ConversationId : "a:fuzz-pool";

    /// <summary>A press on a real open form's button with forged or garbled data, as a submit or an invoke.</summary>
    private JsonObject TamperedCard(Random rng)
    {
        var form = openForms[rng.Next(openForms.Count)];
        var data = new JsonObject
        {
            ["formId"] = rng.Next(5) switch
            {
                0 => "school-administration-needs",
                1 => HugeString(rng),
                2 => null,
                _ => form.FormId,
            },
            ["sessionId"] = rng.Next(5) switch
            {
                0 => Guid.NewGuid().ToString("N"),
                1 => new string('s', rng.Next(400, 6000)),
                2 => openForms[rng.Next(openForms.Count)].SessionId,
                _ => form.SessionId,
            },
            ["stateVersion"] = rng.Next(6) switch
            {
                0 => -1,
                1 => int.MaxValue,
                2 => "abc",
                3 => 1.5,
                _ => rng.Next(1, 6),
            },
            ["section"] = rng.Next(4) == 0 ? Pick(rng, ["", "no-such-section", "../", "respondent\u0000"]) : Pick(rng, form.SectionIds),
        };
        foreach (var (item, valid) in form.ValidAnswers)
        {
            if (rng.Next(3) == 0)
            {
                continue;
            }
            data[item] = rng.Next(3) == 0 ? AnyValue(rng) : valid;
        }
        var verb = Pick(rng, Verbs);
        var activity = Envelope("message", form.ConversationId, rng);
        activity["replyToId"] = "card-" + rng.Next(100);
        if (rng.Next(2) == 0)
        {
            data["verb"] = verb;
            activity["value"] = data;
        }
        else
        {
            activity["type"] = "invoke";
            activity["name"] = "adaptiveCard/action";
            activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        }
        return activity;
    }

    private static byte[] InvalidJson(Random rng, string json)
    {
        var text = rng.Next(8) switch
        {
            0 => json[..rng.Next(json.Length)],
            1 => json.Insert(OutsideServiceUrl(json, rng.Next(json.Length)), Pick(rng, ["{", "}", "[", "]", "\"", ",", ":", "\\", "\u0000", "//"])),
            2 => json.Replace("\"", "'", StringComparison.Ordinal),
            3 => Pick(rng, ["", "null", "42", "[]", "\"message\"", "true", "{}", "{\"type\":null}", "{\"type\":42}", "{\"type\":\"\"}"]),
            4 => "\uFEFF" + json + Pick(rng, ["", "}", "garbage"]),
            5 => json.Replace(":", "=", StringComparison.Ordinal),
            6 => null,
            _ => json + json,
        };
        if (text is not null)
        {
            return Encoding.UTF8.GetBytes(text);
        }
        // Bytes that are not UTF-8 at all.
        var bytes = Encoding.UTF8.GetBytes(json);
        for (var i = 0; i < 1 + rng.Next(8); i++)
        {
            bytes[rng.Next(bytes.Length)] = (byte)rng.Next(0x80, 0x100);
        }
        return bytes;
    }

    /// <summary>Puts <paramref name="value"/> in place of a node picked anywhere in the activity but the serviceUrl (see <see cref="OutsideServiceUrl"/>).</summary>
    private static void Replace(Random rng, JsonObject activity, JsonNode? value)
    {
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(activity, slots);
        var (parent, key) = slots[rng.Next(slots.Count)];
        if (parent is JsonObject o)
        {
            o[(string)key] = value;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = value;
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o.ToList())
            {
                if (key == "serviceUrl")
                {
                    continue;
                }
                slots.Add((o, key));
                if (child is not null)
                {
                    Collect(child, slots);
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                slots.Add((a, i));
                if (a[i] is { } child)
                {
                    Collect(child, slots);
                }
            }
        }
    }

    private static JsonNode? AnyValue(Random rng) => rng.Next(9) switch
    {
        0 => null,
        1 => rng.Next(2) == 0,
        2 => rng.NextInt64(long.MinValue, long.MaxValue),
        3 => rng.NextDouble() * 1e300,
        4 => new JsonArray(1, "x", null, new JsonObject()),
        5 => new JsonObject { ["id"] = 5, ["type"] = new JsonArray() },
        6 => "",
        7 => ThaiMarks(rng, 3),
        _ => ControlChars(rng),
    };

    private static JsonNode Nested(Random rng, int depth)
    {
        JsonNode node = "bottom";
        for (var i = 0; i < depth; i++)
        {
            node = rng.Next(2) == 0 ? new JsonArray(node) : new JsonObject { ["n"] = node };
        }
        return node;
    }

    /// <summary>Up to about 300 K characters: the body stays under the 1 MB limit even as Thai in UTF-8.</summary>
    private static string HugeString(Random rng)
    {
        var length = rng.Next(4) == 0 ? rng.Next(100_000, 300_000) : rng.Next(500, 70_000);
        var unit = Pick(rng, ["x", "ก", "/", "%", "a:", "ครู"]);
        var builder = new StringBuilder(length + 4);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }
        return builder.ToString();
    }

    /// <summary>Thai consonants under stacks of vowel and tone marks, the way a careless paste or an attacker writes them.</summary>
    private static string ThaiMarks(Random rng, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (rng.Next(4) == 0)
            {
                builder.Append((char)rng.Next(0x0E01, 0x0E2F));
            }
            builder.Append(Pick(rng, ['\u0E31', '\u0E34', '\u0E35', '\u0E36', '\u0E37', '\u0E38', '\u0E39', '\u0E3A', '\u0E47', '\u0E48', '\u0E49', '\u0E4A', '\u0E4B', '\u0E4C', '\u0E4D', '\u0E4E']));
        }
        return builder.ToString();
    }

    private static string ControlChars(Random rng)
    {
        var builder = new StringBuilder("x");
        for (var i = 0; i < rng.Next(1, 12); i++)
        {
            builder.Append(rng.Next(3) switch
            {
                0 => (char)rng.Next(0, 0x20),
                1 => (char)rng.Next(0x7F, 0xA0),
                _ => Pick(rng, ['\u200B', '\u202E', '\uFEFF', '\u2028', '/', '\\', '#', '?']),
            });
        }
        return builder.ToString();
    }

    /// <summary>Text-level edits JSON objects cannot express: lone surrogate escapes and repeated keys.</summary>
    private static byte[] SurrogatesOrDuplicates(Random rng, JsonObject activity)
    {
        if (activity["value"] is null && rng.Next(2) == 0)
        {
            activity["value"] = new JsonObject { ["verb"] = "help", ["note"] = "MARK" };
        }
        var json = activity.ToJsonString();
        var stringStarts = Enumerable.Range(0, json.Length).Where(i => json[i] == '"' && i + 1 < json.Length && char.IsLetterOrDigit(json[i + 1])).ToList();
        var at = OutsideServiceUrl(json, stringStarts[rng.Next(stringStarts.Count)] + 1);
        json = rng.Next(4) switch
        {
            0 => json.Insert(at, Pick(rng, ["\\ud800", "\\udfff", "\\udbff\\u0041", "\\ud83d"])),
            1 => json.Replace("\"verb\":", "\"verb\":\"help\",\"verb\":", StringComparison.Ordinal),
            2 => json.Insert(1, "\"type\":\"message\","),
            _ => json.Replace("\"id\":", "\"id\":\"x\",\"id\":", StringComparison.Ordinal),
        };
        return Encoding.UTF8.GetBytes(json);
    }

    private static void Envelope(Random rng, JsonObject activity)
    {
        switch (rng.Next(7))
        {
            case 0:
                activity.Remove(Pick(rng, ["from", "recipient", "conversation", "serviceUrl", "id", "channelId", "locale"]));
                break;
            case 1:
                activity["conversation"]!["conversationType"] = Pick(rng, ["broadcast", "Personal", "", "meeting", "personal\u0000"]);
                break;
            case 2:
                activity["entities"] = new JsonArray(Mention(Pick(rng, ["", "<at></at>", "<at>", "ก\u0E49\u0E49\u0E49"])));
                activity["text"] = "<at>SupervisionBot</at> help";
                break;
            case 3:
                activity["type"] = Pick(rng, ["Message", "MESSAGE", "invoke ", "message\u0000", "ข้อความ"]);
                break;
            case 4:
                activity["from"]!["id"] = Pick(rng, ["", "29:" + new string('u', 900), "29:a/b?c#d", "29:\u0085x"]);
                break;
            case 5:
                activity["conversation"]!["id"] = Pick(rng, ["a:" + new string('c', 600), "a:" + new string('/', 200), "19:x@thread.v2\u0007", ""]);
                break;
            default:
                activity["timestamp"] = Pick(rng, ["yesterday", "9999-99-99T00:00:00Z", "", "0001-01-01T00:00:00Z"]);
                break;
        }
    }

    /// <summary>
    /// Moves an edit out of the serviceUrl: its shape is checked with authentication, which has
    /// fuzz cases of its own, and a valid JSON edit there would only test that.
    /// </summary>
    private static int OutsideServiceUrl(string json, int position)
    {
        var start = json.IndexOf("\"serviceUrl\":", StringComparison.Ordinal);
        if (start < 0)
        {
            return position;
        }
        var end = json.IndexOf('"', start + "\"serviceUrl\":\"".Length) + 1;
        return position > start && position <= end ? start : position;
    }

    private static string? ConversationOf(JsonObject activity, string fresh) =>
        activity["conversation"] is JsonObject c && c["id"] is JsonValue v && v.TryGetValue<string>(out var id) && id == fresh ? fresh : null;

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
