using System.Globalization;
using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.FormCards;

/// <summary>
/// Turns form definitions and answers into cards. Input ids are item ids (evidence notes under
/// <see cref="FormAnswers.EvidenceKey"/>) and values are in the stored answer format, so what a card
/// submits goes straight to <see cref="FormValidator"/> and what it returns fills the card again.
/// </summary>
public sealed class FormCardPresenter(IPickerChoices pickers)
{
    /// <summary>The data key of a review card's Edit button naming the section to go back to.</summary>
    public const string SectionKey = "section";

    private static readonly LocalizedText MenuTitle = new("แบบฟอร์มที่กรอกได้", "Forms you can fill in");
    private static readonly LocalizedText MenuIntro = new("เลือกแบบฟอร์มที่ต้องการ แล้วกด “เริ่มกรอก”", "Choose a form and select Start.");
    private static readonly LocalizedText EvidenceWord = new("หลักฐาน", "Evidence");
    private static readonly string EvidenceSuffix = FormAnswers.EvidenceKey(string.Empty);

    public async ValueTask<AdaptiveCard> PageCardAsync(
        FormDefinition form,
        FormPage page,
        FormAnswers answers,
        IReadOnlyList<AnswerError> errors,
        Language language,
        JsonObject actionData,
        bool isFirstPage,
        bool isLastPage,
        CancellationToken cancellationToken)
    {
        var section = form.FindSection(page.SectionId)
            ?? throw new ArgumentException($"Form '{form.Id}' has no section '{page.SectionId}'.", nameof(page));
        var errorsByItem = errors.ToLookup(error => ItemIdOf(error.Key), error => error.Message);
        var fields = new List<FieldView>(page.Items.Count);
        foreach (var item in page.Items)
        {
            var field = await FieldAsync(item, answers, language, cancellationToken);
            fields.Add(errorsByItem[item.Id].Any() ? field with { Error = string.Join("\n\n", errorsByItem[item.Id]) } : field);
        }

        return FormSectionCard.Build(new FormSectionView
        {
            FormTitle = form.Title.Get(language),
            SectionTitle = section.Title.Get(language),
            SectionDescription = page.PageInSection == 1 ? section.Description?.Get(language) : null,
            SectionNumber = page.SectionNumber,
            SectionCount = page.SectionCount,
            PageNumber = page.PageInSection,
            PageCount = page.PagesInSection,
            PrivacyNotice = isFirstPage ? form.Settings.PrivacyNotice.Get(language) : null,
            Fields = fields,
            ActionData = actionData,
            CanGoBack = !isFirstPage,
            IsLastPage = isLastPage,
        }, language);
    }

    public static AdaptiveCard ReviewCard(FormDefinition form, FormAnswers answers, Language language, JsonObject actionData) =>
        Cards.Builders.ReviewCard.Build(
            new ReviewView(form.Title.Get(language), AnswerSections(form, answers, language, actionData), actionData),
            language);

    public static AdaptiveCard ReceiptCard(FormDefinition form, FormResponse response, Language language) =>
        Cards.Builders.ReceiptCard.Build(
            new ReceiptView(
                form.Title.Get(language),
                response.ReferenceNumber,
                ThaiDates.FormatDateTime(response.SubmittedUtc, language),
                // An anonymous receipt shown again has no answers: they are not kept with the owner.
                response.Answers.Values.Count == 0 ? [] : AnswerSections(form, response.Answers, language, editData: null)),
            language);

    public static AdaptiveCard MenuCard(IReadOnlyList<FormDefinition> forms, Language language) =>
        Cards.Builders.MenuCard.Build(
            new MenuView(
                MenuTitle.Get(language),
                MenuIntro.Get(language),
                [.. forms.Select(form => new FormEntryView(form.Id, form.Title.Get(language), form.Description.Get(language)))]),
            language);

    /// <summary>
    /// How a stored answer reads on review and receipt: labels rather than codes. Directory pickers
    /// (school, teacher) show the stored text, which is the typed name until the directory arrives.
    /// </summary>
    private static string? AnswerText(FormItem item, FormAnswers answers, Language language)
    {
        var value = answers.Get(item.Id);
        var text = value is null ? null : item switch
        {
            ChoiceItem choice => string.Join(", ", answers.GetValues(item.Id).Select(v => choice.Choices.FirstOrDefault(c => c.Value == v)?.Label.Get(language) ?? v)),
            ScaledItem scaled => ScaleText(scaled, value, language),
            ChecklistItem checklist => checklist.AnswerLabel(value)?.Get(language) ?? value,
            DateItem => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? ThaiDates.FormatDate(date, language)
                : value,
            PickerItem { Source: PickerSource.LearningArea } => LearningAreas.Find(value)?.Name.Get(language) ?? value,
            _ => value,
        };
        if (item is ChecklistItem && answers.Get(FormAnswers.EvidenceKey(item.Id)) is { } evidence)
        {
            text = $"{text ?? CardStrings.EmptyAnswer} · {EvidenceWord.Get(language)}: {evidence}";
        }

        return text;
    }

    private static List<AnswerSectionView> AnswerSections(FormDefinition form, FormAnswers answers, Language language, JsonObject? editData)
    {
        var shown = FormVisibility.ShownItemIds(form, answers);
        return form.Sections
            .Select(section => (Section: section, Items: section.Items.Where(item => shown.Contains(item.Id)).ToList()))
            .Where(section => section.Items.Count > 0)
            .Select(section => new AnswerSectionView(
                section.Section.Title.Get(language),
                [.. section.Items.Select(item => new AnswerView(item.Label.Get(language), AnswerText(item, answers, language)))],
                editData is null ? null : EditData(editData, section.Section.Id)))
            .ToList();
    }

    private static JsonObject EditData(JsonObject actionData, string sectionId)
    {
        var data = (JsonObject)actionData.DeepClone();
        data[SectionKey] = sectionId;
        return data;
    }

    private static string ScaleText(ScaledItem item, string value, Language language)
    {
        if (value == ScaledItem.NotApplicable)
        {
            return ChecklistAnswers.NotApplicableLabel.Get(language);
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= FiveLevelScale.Lowest and <= FiveLevelScale.Highest
            ? $"{level} – {item.Scale.Label(level).Get(language)}"
            : value;
    }

    /// <summary>An error on an evidence note is shown with its checklist item.</summary>
    private static string ItemIdOf(string key) =>
        key.EndsWith(EvidenceSuffix, StringComparison.Ordinal) ? key[..^EvidenceSuffix.Length] : key;

    private async ValueTask<FieldView> FieldAsync(FormItem item, FormAnswers answers, Language language, CancellationToken cancellationToken)
    {
        var field = new FieldView
        {
            Id = item.Id,
            Kind = FieldKind.ShortText,
            Label = item.Label.Get(language),
            HelpText = item.Help?.Get(language),
            IsRequired = item.Required,
            Value = answers.Get(item.Id),
        };
        switch (item)
        {
            case ChoiceItem choice:
                return field with
                {
                    Kind = choice.AllowsMultiple ? FieldKind.MultipleChoice : FieldKind.SingleChoice,
                    Choices = [.. choice.Choices.Select(c => new ChoiceView(c.Value, c.Label.Get(language)))],
                };
            case ScaledItem scaled:
                return field with
                {
                    Kind = scaled is RatingItem ? FieldKind.QualityRating : FieldKind.Likert5,
                    Descriptors = [.. Enumerable.Range(FiveLevelScale.Lowest, FiveLevelScale.Highest).Select(level => scaled.Scale.Label(level).Get(language))],
                    AllowsNotApplicable = scaled.AllowsNotApplicable,
                };
            case ChecklistItem checklist:
                return field with
                {
                    Kind = FieldKind.ChecklistItem,
                    Choices = [.. ChecklistItem.Values.Select(value => new ChoiceView(value, checklist.AnswerLabel(value)!.Get(language)))],
                    EvidenceId = checklist.Evidence is null ? null : FormAnswers.EvidenceKey(item.Id),
                    EvidenceLabel = checklist.Evidence?.Get(language),
                    EvidenceValue = checklist.Evidence is null ? null : answers.Get(FormAnswers.EvidenceKey(item.Id)),
                    MaxLength = ChecklistItem.EvidenceMaxLength,
                };
            case TextItem text:
                return field with { Kind = text.Multiline ? FieldKind.LongText : FieldKind.ShortText, MaxLength = text.MaxLength };
            case NumberItem number:
                return field with { Kind = FieldKind.Number, Min = (double?)number.Min, Max = (double?)number.Max };
            case DateItem date:
                return field with { Kind = FieldKind.Date, MinDate = date.Min, MaxDate = date.Max };
            case PickerItem picker:
                var choices = await pickers.GetChoicesAsync(picker.Source, language, cancellationToken);
                return choices.Count == 0
                    ? field with
                    {
                        MaxLength = PickerItem.FreeTextMaxLength,
                        Placeholder = PickerItem.TypeNameHint(picker.Source).Get(language),
                    }
                    : field with { Kind = FieldKind.SingleChoice, Choices = [.. choices.Select(c => new ChoiceView(c.Value, c.Title))] };
            default:
                throw new ArgumentOutOfRangeException(nameof(item), item.Kind, "Unknown item kind.");
        }
    }
}
