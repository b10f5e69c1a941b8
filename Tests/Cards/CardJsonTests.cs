using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupervisionBot.Cards.Model;

namespace SupervisionBot.Tests.Cards;

public class CardJsonTests
{
    public static TheoryData<string, CardElement, string> Elements => new()
    {
        {
            "TextBlock", new TextBlock
            {
                Id = "t", Text = "สวัสดี", Wrap = true, Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Color = TextColor.Attention,
                IsSubtle = true, Spacing = Spacing.Medium, Separator = true, HorizontalAlignment = HorizontalAlignment.Right,
                MaxLines = 2, Style = TextBlockStyle.Heading, IsVisible = false,
            },
            """{"type":"TextBlock","text":"สวัสดี","wrap":true,"size":"extraLarge","weight":"bolder","color":"attention","isSubtle":true,"horizontalAlignment":"right","maxLines":2,"style":"heading","id":"t","isVisible":false,"spacing":"medium","separator":true}"""
        },
        {
            "RichTextBlock", new RichTextBlock { Inlines = [new TextRun { Text = "ตัวหนา", Weight = TextWeight.Bolder, Italic = true, Highlight = true }, new TextRun { Text = " ปกติ", IsSubtle = true }] },
            """{"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"ตัวหนา","weight":"bolder","italic":true,"highlight":true},{"type":"TextRun","text":" ปกติ","isSubtle":true}]}"""
        },
        {
            "Container", new Container
            {
                Items = [new TextBlock { Text = "a" }], Style = ContainerStyle.Emphasis, Bleed = true,
                SelectAction = new OpenUrlAction { Url = new Uri("https://www.sesao1.go.th/") },
            },
            """{"type":"Container","items":[{"type":"TextBlock","text":"a"}],"style":"emphasis","bleed":true,"selectAction":{"type":"Action.OpenUrl","url":"https://www.sesao1.go.th/"}}"""
        },
        {
            "ColumnSet", new ColumnSet
            {
                Columns =
                [
                    new Column { Items = [], Width = ColumnWidth.Stretch },
                    new Column { Items = [], Width = ColumnWidth.Auto, Spacing = Spacing.Small, Separator = true },
                    new Column { Items = [], Width = ColumnWidth.Relative(2) },
                    new Column { Items = [], Width = ColumnWidth.Px(80) },
                ],
            },
            """{"type":"ColumnSet","columns":[{"type":"Column","items":[],"width":"stretch"},{"type":"Column","items":[],"width":"auto","spacing":"small","separator":true},{"type":"Column","items":[],"width":2},{"type":"Column","items":[],"width":"80px"}]}"""
        },
        {
            "FactSet", new FactSet { Facts = [new Fact("โรงเรียน", "—")] },
            """{"type":"FactSet","facts":[{"title":"โรงเรียน","value":"—"}]}"""
        },
        {
            "Table", new Table
            {
                Columns = [new TableColumnDefinition(ColumnWidth.Relative(1)), new TableColumnDefinition(ColumnWidth.Relative(3))],
                Rows = [new TableRow { Cells = [new TableCell { Items = [new TextBlock { Text = "x̄" }] }, new TableCell { Items = [] }] }],
                FirstRowAsHeader = true, ShowGridLines = false,
            },
            """{"type":"Table","columns":[{"width":1},{"width":3}],"rows":[{"type":"TableRow","cells":[{"type":"TableCell","items":[{"type":"TextBlock","text":"x̄"}]},{"type":"TableCell","items":[]}]}],"firstRowAsHeader":true,"showGridLines":false}"""
        },
        {
            "Image", new Image { Url = "https://example.org/logo.png", AltText = "ตราสำนักงาน", Size = ImageSize.Small },
            """{"type":"Image","url":"https://example.org/logo.png","altText":"ตราสำนักงาน","size":"small"}"""
        },
        {
            "ActionSet", new ActionSet { Actions = [new SubmitAction { Title = "ส่ง", Data = new JsonObject { ["k"] = 1 }, AssociatedInputs = AssociatedInputs.None }] },
            """{"type":"ActionSet","actions":[{"type":"Action.Submit","data":{"k":1},"associatedInputs":"None","title":"ส่ง"}]}"""
        },
        {
            "Input.Text", new TextInput
            {
                Id = "note", Label = "บันทึก", IsRequired = true, ErrorMessage = "กรุณากรอก", Value = "ก", Placeholder = "…",
                IsMultiline = true, MaxLength = 500, Regex = "^.+$", Style = TextInputStyle.Email,
            },
            """{"type":"Input.Text","value":"ก","placeholder":"…","isMultiline":true,"maxLength":500,"regex":"^.\u002B$","style":"email","id":"note","label":"บันทึก","isRequired":true,"errorMessage":"กรุณากรอก"}"""
        },
        {
            "Input.Number", new NumberInput { Id = "n", Label = "จำนวน", Min = 1, Max = 60, Value = 35.5 },
            """{"type":"Input.Number","value":35.5,"min":1,"max":60,"id":"n","label":"จำนวน"}"""
        },
        {
            "Input.Date", new DateInput { Id = "d", Min = new DateOnly(2025, 5, 16), Max = new DateOnly(2026, 5, 15), Value = new DateOnly(2025, 6, 12) },
            """{"type":"Input.Date","value":"2025-06-12","min":"2025-05-16","max":"2026-05-15","id":"d"}"""
        },
        {
            "Input.Time", new TimeInput { Id = "t", Value = "09:30", Min = "08:00", Max = "16:30" },
            """{"type":"Input.Time","value":"09:30","min":"08:00","max":"16:30","id":"t"}"""
        },
        {
            "Input.Toggle", new ToggleInput { Id = "agree", Title = "ยินยอม", Value = "yes", ValueOn = "yes", ValueOff = "no", Wrap = true },
            """{"type":"Input.Toggle","title":"ยินยอม","value":"yes","valueOn":"yes","valueOff":"no","wrap":true,"id":"agree"}"""
        },
        {
            "Input.ChoiceSet", new ChoiceSetInput
            {
                Id = "q1", Label = "ระดับ", Choices = [new Choice("5 – มากที่สุด", "5"), new Choice("4 – มาก", "4")],
                IsMultiSelect = true, Style = ChoiceInputStyle.Expanded, Value = "5,4", Wrap = true,
            },
            """{"type":"Input.ChoiceSet","choices":[{"title":"5 – มากที่สุด","value":"5"},{"title":"4 – มาก","value":"4"}],"isMultiSelect":true,"style":"expanded","value":"5,4","wrap":true,"id":"q1","label":"ระดับ"}"""
        },
    };

    // HTML-sensitive characters (+ < > & ') stay escaped: the encoder is the safe one widened to all
    // Unicode ranges, so only Thai and other letters are written raw.
    [Theory]
    [MemberData(nameof(Elements))]
    public void Element_serialises_to_the_schema_json(string name, CardElement element, string expected)
    {
        var json = CardJson.Serialize(element);

        Assert.StartsWith($"{{\"type\":\"{name}\",", json);
        Assert.Equal(expected, json);
    }

    public static TheoryData<string, CardAction, string> Actions => new()
    {
        {
            "Action.Execute", new ExecuteAction
            {
                Id = "next", Title = "ถัดไป", Tooltip = "ไปส่วนถัดไป", Verb = "form.next", Data = new JsonObject { ["formId"] = "f" },
                AssociatedInputs = AssociatedInputs.Auto,
                Fallback = new SubmitAction { Title = "ถัดไป", Data = new JsonObject { ["formId"] = "f", ["verb"] = "form.next" } },
            },
            """{"type":"Action.Execute","verb":"form.next","data":{"formId":"f"},"associatedInputs":"Auto","id":"next","title":"ถัดไป","tooltip":"ไปส่วนถัดไป","fallback":{"type":"Action.Submit","data":{"formId":"f","verb":"form.next"},"title":"ถัดไป"}}"""
        },
        {
            "Action.OpenUrl", new OpenUrlAction { Title = "คู่มือ", Url = new Uri("https://www.sesao1.go.th/manual?x=1") },
            """{"type":"Action.OpenUrl","url":"https://www.sesao1.go.th/manual?x=1","title":"คู่มือ"}"""
        },
        {
            "Action.ShowCard", new ShowCardAction { Title = "รายละเอียด", Card = new AdaptiveCard { Version = null, Body = [new TextBlock { Text = "ข้อความ" }] } },
            """{"type":"Action.ShowCard","card":{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"ข้อความ"}]},"title":"รายละเอียด"}"""
        },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public void Action_serialises_to_the_schema_json(string name, CardAction action, string expected)
    {
        var json = CardJson.Serialize(action);

        Assert.StartsWith($"{{\"type\":\"{name}\",", json);
        Assert.Equal(expected, json);
    }

    [Fact]
    public void Card_level_properties_serialise_with_the_teams_extension()
    {
        var card = new AdaptiveCard
        {
            Schema = AdaptiveCard.SchemaUrl,
            Body = [new TextBlock { Text = "สวัสดี <at>สมชาย</at>" }],
            Actions = [new OpenUrlAction { Title = "เว็บ", Url = new Uri("https://www.sesao1.go.th/") }],
            Refresh = new CardRefresh { Action = new ExecuteAction { Verb = "card.refresh" }, UserIds = ["29:abc"] },
            FallbackText = "สวัสดี",
            Lang = "th",
            Msteams = new TeamsCardProperties
            {
                Width = TeamsCardWidth.Full,
                Entities = [new TeamsMention { Text = "<at>สมชาย</at>", Mentioned = new MentionedUser("29:abc", "สมชาย") }],
            },
        };

        Assert.Equal(
            """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","refresh":{"action":{"type":"Action.Execute","verb":"card.refresh"},"userIds":["29:abc"]},"body":[{"type":"TextBlock","text":"สวัสดี \u003Cat\u003Eสมชาย\u003C/at\u003E"}],"actions":[{"type":"Action.OpenUrl","url":"https://www.sesao1.go.th/","title":"เว็บ"}],"fallbackText":"สวัสดี","lang":"th","msteams":{"width":"Full","entities":[{"type":"mention","text":"\u003Cat\u003Eสมชาย\u003C/at\u003E","mentioned":{"id":"29:abc","name":"สมชาย"}}]}}""",
            CardJson.Serialize(card));
    }

    [Fact]
    public void Refresh_accepts_only_action_execute()
    {
        Assert.Throws<ArgumentException>(() => new CardRefresh { Action = new SubmitAction() });
    }

    /// <summary>Every element and action type, with "type" not first in places, as other tools write it.</summary>
    private const string EveryTypeCard = """
        {"version":"1.5","type":"AdaptiveCard","body":[
          {"type":"TextBlock","text":"หัวข้อ","style":"heading"},
          {"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"ก"}]},
          {"items":[{"type":"Image","url":"https://example.org/a.png","altText":"a"}],"type":"Container","selectAction":{"type":"Action.Submit","data":{"a":[1,2,{"b":null}]}}},
          {"type":"ColumnSet","columns":[{"type":"Column","width":"2","items":[{"type":"FactSet","facts":[{"title":"t","value":"v"}]}]}]},
          {"type":"Table","columns":[{"width":"50px"}],"rows":[{"type":"TableRow","cells":[{"type":"TableCell","items":[{"type":"Input.Text","id":"a"}]}]}]},
          {"type":"Input.Number","id":"b","min":0},
          {"type":"Input.Date","id":"c","value":"2025-06-12"},
          {"type":"Input.Time","id":"d"},
          {"type":"Input.Toggle","id":"e","title":"ยินยอม"},
          {"type":"Input.ChoiceSet","id":"f","choices":[{"title":"หนึ่ง","value":"1"}],"style":"compact"},
          {"type":"ActionSet","actions":[
            {"type":"Action.Execute","verb":"v","fallback":{"type":"Action.Submit","data":{"verb":"v"}}},
            {"type":"Action.ShowCard","card":{"type":"AdaptiveCard","body":[{"type":"Input.Text","id":"g","isMultiline":true}]}}]}],
        "actions":[{"type":"Action.OpenUrl","url":"https://example.org/"}],
        "msteams":{"width":"Full"}}
        """;

    [Fact]
    public void Deserialising_and_serialising_keeps_every_type_and_value()
    {
        var card = CardJson.Deserialize(EveryTypeCard);

        var written = JsonNode.Parse(CardJson.Serialize(card));
        var original = JsonNode.Parse(EveryTypeCard)!;
        // The model writes a quoted weight and pixel width in canonical form; everything else is unchanged.
        original["body"]![3]!["columns"]![0]!["width"] = 2;
        Assert.True(JsonNode.DeepEquals(original, written), written!.ToJsonString());
        Assert.Equal(7, CardTree.Inputs(card).Count());
        Assert.IsType<ChoiceSetInput>(card.Body[9]);
        var execute = Assert.IsType<ExecuteAction>(Assert.IsType<ActionSet>(card.Body[10]).Actions[0]);
        Assert.IsType<SubmitAction>(execute.Fallback);
    }

    [Theory]
    [InlineData("""{"type":"AdaptiveCard","body":[{"type":"Chart.Pie"}]}""")]
    [InlineData("""{"type":"AdaptiveCard","body":[{"type":"Input.Text"}]}""")]
    [InlineData("""{"type":"AdaptiveCard","actions":[{"type":"Action.ToggleVisibility"}]}""")]
    public void Deserialising_an_unknown_type_or_an_input_without_id_fails(string json)
    {
        Assert.ThrowsAny<JsonException>(() => CardJson.Deserialize(json));
    }

    [Fact]
    public void Thai_text_is_written_raw_and_round_trips_byte_for_byte()
    {
        const string thai = "แบบนิเทศ ติดตามการประกันคุณภาพภายใน ภาคเรียนที่ ๑/๒๕๖๘ — ผู้รับการนิเทศ “ครู” ฯลฯ";
        var card = new AdaptiveCard { Body = [new TextBlock { Text = thai }, new FactSet { Facts = [new Fact("ผล", thai)] }], FallbackText = thai };

        var bytes = CardJson.SerializeToUtf8Bytes(card);
        var json = Encoding.UTF8.GetString(bytes);

        Assert.Contains(thai, json);
        Assert.DoesNotContain("\\u", json);
        var again = CardJson.SerializeToUtf8Bytes(CardJson.Deserialize(json));
        Assert.Equal(bytes, again);
        Assert.Equal(thai, Assert.IsType<TextBlock>(CardJson.Deserialize(json).Body[0]).Text);
    }
}
