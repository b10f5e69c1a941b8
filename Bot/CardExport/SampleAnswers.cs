using System.Globalization;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Bot.CardExport;

/// <summary>
/// Made-up answers for looking at cards and testing them: valid ones a careful supervisor might give,
/// and bad ones that each trip a different rule of <see cref="FormValidator"/>.
/// </summary>
public static class SampleAnswers
{
    private static readonly DateOnly SampleDate = new(2025, 11, 24);

    /// <summary>
    /// A valid answer for every item. Where a later item depends on an answer, the answer that shows
    /// it is chosen, so the sample reaches every question of the form.
    /// </summary>
    public static async ValueTask<FormAnswers> ValidAsync(FormDefinition form, IPickerChoices pickers, Language language, CancellationToken cancellationToken)
    {
        var opening = form.Items
            .Where(item => item.ShowWhen is not null)
            .GroupBy(item => item.ShowWhen!.ItemId, item => item.ShowWhen!.Values[0])
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var answers = FormAnswers.Empty;
        foreach (var item in form.Items)
        {
            var value = opening.GetValueOrDefault(item.Id) ?? await ValueAsync(item, pickers, language, cancellationToken);
            answers = answers.With(item.Id, value);
            if (item is ChecklistItem { Evidence: not null })
            {
                answers = answers.With(FormAnswers.EvidenceKey(item.Id), Text(language, evidence: true, ChecklistItem.EvidenceMaxLength));
            }
        }

        return answers;
    }

    /// <summary>
    /// What a careless or tampered card might send for <paramref name="items"/>: required answers
    /// left out, numbers out of range, B.E. years in dates, texts one character too long, values
    /// that are not choices.
    /// </summary>
    public static Dictionary<string, string?> Bad(IEnumerable<FormItem> items)
    {
        var submitted = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is ChecklistItem { Evidence: not null })
            {
                submitted[FormAnswers.EvidenceKey(item.Id)] = TooLong(ChecklistItem.EvidenceMaxLength);
            }

            if (item.Required)
            {
                continue;
            }

            submitted[item.Id] = item switch
            {
                NumberItem { Max: { } max } => Invariant(max + 1),
                NumberItem { Min: { } min } => Invariant(min - 1),
                NumberItem => "สิบ",
                TextItem text => TooLong(text.MaxLength),
                DateItem => "2568-06-20",
                PickerItem { Source: not PickerSource.LearningArea } => TooLong(PickerItem.FreeTextMaxLength),
                _ => "not-a-choice",
            };
        }

        return submitted;
    }

    private static async ValueTask<string> ValueAsync(FormItem item, IPickerChoices pickers, Language language, CancellationToken cancellationToken) =>
        item switch
        {
            ChoiceItem { AllowsMultiple: true } choice => string.Join(',', choice.Choices.Take(2).Select(c => c.Value)),
            ChoiceItem choice => choice.Choices[0].Value,
            ScaledItem => "4",
            ChecklistItem => ChecklistItem.Done,
            TextItem text => Text(language, evidence: false, text.MaxLength, text.Multiline),
            // A number bounded by B.E. years (academic-year 2561–2600) gets a real academic year.
            NumberItem number => Invariant(Math.Clamp(number.Min >= 2400 ? 2568m : 12m, number.Min ?? decimal.MinValue, number.Max ?? decimal.MaxValue)),
            DateItem date => Clamp(SampleDate, date.Min, date.Max).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PickerItem picker => (await pickers.GetChoicesAsync(picker.Source, language, cancellationToken)) is { Count: > 0 } choices
                ? choices[0].Value
                : picker.Source == PickerSource.Teacher ? "นางสาวสุนิสา ใจดี" : "โรงเรียนสตรีวิทยา",
            _ => throw new ArgumentOutOfRangeException(nameof(item), item.Kind, "Unknown item kind."),
        };

    private static string Text(Language language, bool evidence, int maxLength, bool multiline = true)
    {
        var text = (language, evidence, multiline) switch
        {
            (Language.Thai, true, _) => "แผนการจัดการเรียนรู้หน่วยที่ 3 และภาพถ่ายกิจกรรมกลุ่ม",
            (Language.Thai, false, false) => "การแก้โจทย์ปัญหาเศษส่วน",
            (Language.Thai, false, true) => "นักเรียนทำงานกลุ่มอย่างกระตือรือร้น ครูใช้คำถามกระตุ้นการคิด ควรเพิ่มเวลาให้นักเรียนสรุปความรู้ด้วยตนเอง",
            (_, true, _) => "Unit 3 lesson plan and photos of the group work",
            (_, false, false) => "Word problems with fractions",
            _ => "Students worked eagerly in groups and the teacher asked probing questions; leave more time for students to sum up what they learned.",
        };
        return text.Length <= maxLength ? text : text[..maxLength];
    }

    private static string TooLong(int maxLength) => new('ก', maxLength + 1);

    private static DateOnly Clamp(DateOnly date, DateOnly? min, DateOnly? max) =>
        min is { } low && date < low ? low : max is { } high && date > high ? high : date;

    private static string Invariant(decimal number) => number.ToString(CultureInfo.InvariantCulture);
}
