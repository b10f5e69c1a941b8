using System.Globalization;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using static SupervisionBot.Cards.Builders.CardParts;

namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>
/// An admin sends groups.csv, schools.csv, centres.csv or people.csv (renamed is fine: the header
/// tells) in the personal chat; the files are downloaded, imported exactly as the command imports a
/// folder, and answered with the report. Anyone else sending a file is told who may.
/// </summary>
public sealed class DirectoryUpload(IFileDownloads downloads, IDirectoryImporter importer)
{
    /// <summary>The largest file taken, counted while downloading: the directory of a whole area is far smaller.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    private const int MaxProblemsShown = 30;

    public async Task<AdaptiveCard> ImportAsync(Turn turn, IReadOnlyList<SentFile> sent, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var files = new List<DirectoryFile>();
        foreach (var file in sent)
        {
            var download = await downloads.DownloadAsync(file.DownloadUrl, MaxFileBytes, cancellationToken);
            if (download.Content is not { } content)
            {
                return Report(language, language.Pick("นำเข้าไม่สำเร็จ ไม่มีการเปลี่ยนแปลง", "Not imported: nothing changed"), DownloadReason(download.Problem, file.Name, language), []);
            }
            files.Add(new DirectoryFile(Path.GetFileName(file.Name), content));
        }
        var report = await importer.ImportAsync(files, cancellationToken);
        return report.Status switch
        {
            ImportStatus.Refused => Report(language, language.Pick("นำเข้าไม่สำเร็จ ไม่มีการเปลี่ยนแปลง", "Not imported: nothing changed"),
                language.Pick($"พบปัญหา {report.Problems.Count} รายการ โปรดแก้ไขแล้วส่งไฟล์อีกครั้ง", $"{report.Problems.Count} problem(s) found. Please fix them and send the file(s) again."),
                report.Problems),
            ImportStatus.Unchanged => Report(language, language.Pick("ไม่มีการเปลี่ยนแปลง", "No changes"),
                language.Pick($"ทำเนียบปัจจุบัน (ฉบับ {report.Version}) ตรงกับไฟล์ที่ส่งมาแล้ว", $"The directory (version {report.Version}) already holds these files."), []),
            _ => Report(language, language.Pick("นำเข้าทำเนียบเรียบร้อยแล้ว", "Directory imported"),
                language.Pick($"ฉบับ {report.Version} ใช้งานได้ทันทีในทุกบทสนทนา", $"Version {report.Version} is now in use.") + "\n\n" + Changes(report.Changes, language), []),
        };
    }

    private static string DownloadReason(DownloadProblem problem, string name, Language language) => problem switch
    {
        DownloadProblem.TooLarge => language.Pick($"ไฟล์ {name} ใหญ่เกิน 5 MB", $"{name} is larger than 5 MB."),
        DownloadProblem.NotAllowedHost => language.Pick($"ไม่สามารถรับไฟล์ {name} จากแหล่งนี้ได้ โปรดแนบไฟล์ในแชตส่วนตัวกับบอตโดยตรง", $"{name} does not come from Teams' file storage. Please attach it in your personal chat with the bot."),
        _ => language.Pick($"ดาวน์โหลดไฟล์ {name} ไม่สำเร็จ โปรดส่งไฟล์อีกครั้ง", $"{name} could not be downloaded. Please send it again."),
    };

    private static string Changes(DirectoryChanges changes, Language language) => string.Join("\n\n", changes.Kinds.Select(k =>
        language.Pick(
            $"{DirectoryFiles.FileNames[k.Kind]}: {k.Total} แถว (เพิ่ม {k.Added} ลบ {k.Removed} แก้ไข {k.Changed})",
            $"{DirectoryFiles.FileNames[k.Kind]}: {k.Total} rows ({k.Added} added, {k.Removed} removed, {k.Changed} changed)")));

    private static AdaptiveCard Report(Language language, string title, string text, IReadOnlyList<ImportProblem> problems)
    {
        List<CardElement> body = [Banner(Title(title)), Paragraph(text)];
        if (problems.Count > 0)
        {
            body.Add(new FactSet
            {
                Facts = [.. problems.Take(MaxProblemsShown).Select(p => new Fact(
                    p.Row > 0 ? language.Pick($"{p.File} แถว {p.Row.ToString(CultureInfo.InvariantCulture)}", $"{p.File} row {p.Row.ToString(CultureInfo.InvariantCulture)}") : p.File,
                    p.Reason.Get(language)))],
            });
            if (problems.Count > MaxProblemsShown)
            {
                body.Add(Hint(language.Pick($"และอีก {problems.Count - MaxProblemsShown} รายการ (ดูทั้งหมดได้ด้วยคำสั่ง directory import)",
                    $"and {problems.Count - MaxProblemsShown} more (the directory import command lists them all)")));
            }
        }
        return Finish(new AdaptiveCard { Body = body, FallbackText = title });
    }

}
