using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Calendar;
using System.Globalization;
using static System.FormattableString;

namespace SupervisionBot.Dialogs.Forms;

public enum AnswerProblem
{
    Required,
    NotANumber,
    NotAnInteger,
    BelowMinimum,
    AboveMaximum,
    TooLong,
    NotAChoice,
    NotADate,
    BuddhistEraYear,
    BeforeEarliest,
    AfterLatest,
}

/// <summary>
/// A problem with one answer, worded for the respondent. <see cref="Key"/> is the item id, or the
/// evidence key of a checklist item when the evidence note is at fault.
/// </summary>
public sealed record AnswerError(string Key, AnswerProblem Problem, string Message);

/// <summary>
/// The earlier answers with this section's answers put in (normalised; hidden and blank ones
/// removed), and what the respondent must fix before moving on. The answers are returned even when
/// there are errors so the card can be shown again with what was valid kept.
/// </summary>
public sealed record SectionValidation(FormAnswers Answers, IReadOnlyList<AnswerError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Checks what a card submitted against the form definition. Anything a client sends is distrusted:
/// a value edited in transit is rejected just as a typing mistake is, and nothing here throws on it.
/// </summary>
public sealed class FormValidator(IPickerChoices pickerChoices)
{
    public ValueTask<SectionValidation> ValidateSectionAsync(
        FormDefinition form,
        string sectionId,
        IReadOnlyDictionary<string, string?> submitted,
        FormAnswers earlierAnswers,
        Language language,
        CancellationToken cancellationToken = default)
    {
        var section = form.FindSection(sectionId)
            ?? throw new ArgumentException($"Form '{form.Id}' has no section '{sectionId}'.", nameof(sectionId));
        return ValidateItemsAsync(section.Items, submitted, earlierAnswers, language, cancellationToken);
    }

    /// <summary>
    /// Checks the items of one card when a long section is split over pages (a FormPage's items):
    /// items of the section on other pages are neither required nor cleared here.
    /// </summary>
    public async ValueTask<SectionValidation> ValidateItemsAsync(
        IReadOnlyList<FormItem> items,
        IReadOnlyDictionary<string, string?> submitted,
        FormAnswers earlierAnswers,
        Language language,
        CancellationToken cancellationToken = default)
    {
        var answers = earlierAnswers;
        var errors = new List<AnswerError>();
        foreach (var item in items)
        {
            answers = answers.With(item.Id, null);
            if (item is ChecklistItem)
            {
                answers = answers.With(FormAnswers.EvidenceKey(item.Id), null);
            }

            // Items are checked in order, so a showWhen sees this section's earlier answers too.
            if (item.ShowWhen is { } showWhen && !showWhen.IsMetBy(answers))
            {
                continue;
            }

            var raw = submitted.GetValueOrDefault(item.Id)?.Trim();
            if (string.IsNullOrEmpty(raw))
            {
                if (item.Required)
                {
                    errors.Add(Error(item.Id, AnswerProblem.Required, language, new("กรุณาตอบข้อนี้", "Please answer this question.")));
                }
            }
            else
            {
                var (value, error) = await NormaliseAsync(item, raw, language, cancellationToken);
                if (error is not null)
                {
                    errors.Add(error with { Key = item.Id });
                }

                answers = answers.With(item.Id, value);
            }

            if (item is ChecklistItem { Evidence: not null })
            {
                var evidence = submitted.GetValueOrDefault(FormAnswers.EvidenceKey(item.Id))?.Trim();
                var (value, error) = NormaliseText(evidence, ChecklistItem.EvidenceMaxLength, language);
                if (error is not null)
                {
                    errors.Add(error with { Key = FormAnswers.EvidenceKey(item.Id) });
                }

                answers = answers.With(FormAnswers.EvidenceKey(item.Id), value);
            }
        }

        return new SectionValidation(answers, errors);
    }

    private async ValueTask<(string? Value, AnswerError? Error)> NormaliseAsync(FormItem item, string raw, Language language, CancellationToken cancellationToken) =>
        item switch
        {
            ChoiceItem { AllowsMultiple: true } choice => NormaliseMultiple(choice, raw, language),
            TextItem text => NormaliseText(raw, text.MaxLength, language),
            NumberItem number => NormaliseNumber(number, LatinDigits(raw), language),
            DateItem date => NormaliseDate(date, LatinDigits(raw), language),
            PickerItem picker => await NormalisePickerAsync(picker, raw, language, cancellationToken),
            ScaledItem => OneOf(item.KnownValues!, LatinDigits(raw), language),
            _ => OneOf(item.KnownValues!, raw, language),
        };

    private static (string?, AnswerError?) OneOf(IReadOnlyList<string> allowed, string raw, Language language) =>
        allowed.Contains(raw, StringComparer.Ordinal) ? (raw, null) : (null, NotAChoice(language));

    private static (string?, AnswerError?) NormaliseMultiple(ChoiceItem item, string raw, Language language)
    {
        // Adaptive Card multi-select choice sets submit the chosen values comma-joined.
        var chosen = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (chosen.Count == 0 || chosen.Any(value => item.Choices.All(c => c.Value != value)))
        {
            return (null, NotAChoice(language));
        }

        return (string.Join(',', item.Choices.Select(c => c.Value).Where(chosen.Contains)), null);
    }

    private async ValueTask<(string?, AnswerError?)> NormalisePickerAsync(PickerItem item, string raw, Language language, CancellationToken cancellationToken)
    {
        var choices = await pickerChoices.GetChoicesAsync(item.Source, language, cancellationToken);
        if (choices.Count == 0)
        {
            return NormaliseText(raw, PickerItem.FreeTextMaxLength, language);
        }

        return choices.Any(c => c.Value == raw) ? (raw, null) : (null, NotAChoice(language));
    }

    private static (string?, AnswerError?) NormaliseText(string? raw, int maxLength, Language language)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return (null, null);
        }

        return raw.Length <= maxLength
            ? (raw, null)
            : (null, Error(string.Empty, AnswerProblem.TooLong, language, new(
                Invariant($"ข้อความยาวเกินกำหนด: ไม่เกิน {maxLength:N0} ตัวอักษร (ขณะนี้ {raw.Length:N0} ตัวอักษร)"),
                Invariant($"Too long: at most {maxLength:N0} characters (you wrote {raw.Length:N0})."))));
    }

    private static (string?, AnswerError?) NormaliseNumber(NumberItem item, string raw, Language language)
    {
        // People type thousands separators ("1,200"); they carry no meaning in the stored value.
        var text = raw.Replace(",", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return (null, Error(string.Empty, AnswerProblem.NotANumber, language, new("กรุณากรอกเป็นตัวเลข", "Please enter a number.")));
        }

        if (item.IntegerOnly && number != decimal.Truncate(number))
        {
            return (null, Error(string.Empty, AnswerProblem.NotAnInteger, language, new("กรุณากรอกเป็นจำนวนเต็ม", "Please enter a whole number.")));
        }

        if (number < item.Min)
        {
            return (null, Error(string.Empty, AnswerProblem.BelowMinimum, language, new($"ต้องไม่น้อยกว่า {Show(item.Min.Value)}", $"Must be at least {Show(item.Min.Value)}.")));
        }

        if (number > item.Max)
        {
            return (null, Error(string.Empty, AnswerProblem.AboveMaximum, language, new($"ต้องไม่เกิน {Show(item.Max.Value)}", $"Must be at most {Show(item.Max.Value)}.")));
        }

        return (Show(number), null);
    }

    private static (string?, AnswerError?) NormaliseDate(DateItem item, string raw, Language language)
    {
        if (!ThaiDates.TryParseDate(raw, out var date))
        {
            return (null, Error(string.Empty, AnswerProblem.NotADate, language, new(
                "กรุณาระบุวันที่เป็น วว/ดด/ปปปป (ปี พ.ศ.) เช่น 16/05/2568 หรือ ปปปป-ดด-วว (ปี ค.ศ.) เช่น 2025-05-16",
                "Please enter a date as dd/mm/yyyy with a Buddhist-Era year (e.g. 16/05/2568) or as yyyy-MM-dd (e.g. 2025-05-16).")));
        }

        // A B.E. year typed into a Gregorian field would otherwise be stored 543 years in the future.
        if (date.Year >= 2400)
        {
            return (null, Error(string.Empty, AnswerProblem.BuddhistEraYear, language, new(
                $"กรุณาระบุปีเป็น ค.ศ. เช่น {date.Year - 543} แทน พ.ศ. {date.Year}",
                $"Please give the year in C.E., e.g. {date.Year - 543} instead of B.E. {date.Year}.")));
        }

        if (date < item.Min)
        {
            return (null, Error(string.Empty, AnswerProblem.BeforeEarliest, language, new($"ต้องไม่ก่อนวันที่ {ThaiDates.FormatDate(item.Min.Value, Language.Thai)}", $"Must not be before {ThaiDates.FormatDate(item.Min.Value, Language.English)}.")));
        }

        if (date > item.Max)
        {
            return (null, Error(string.Empty, AnswerProblem.AfterLatest, language, new($"ต้องไม่เกินวันที่ {ThaiDates.FormatDate(item.Max.Value, Language.Thai)}", $"Must not be after {ThaiDates.FormatDate(item.Max.Value, Language.English)}.")));
        }

        return (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
    }

    private static string LatinDigits(string text) => ThaiDates.LatinDigits(text);

    private static string Show(decimal number) => number.ToString("0.############################", CultureInfo.InvariantCulture);

    private static AnswerError NotAChoice(Language language) =>
        Error(string.Empty, AnswerProblem.NotAChoice, language, new("กรุณาเลือกจากตัวเลือกที่กำหนด", "Please choose one of the options given."));

    private static AnswerError Error(string key, AnswerProblem problem, Language language, LocalizedText message) =>
        new(key, problem, message.Get(language));
}
