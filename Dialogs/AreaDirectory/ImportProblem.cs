using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>Why one row (or, with <see cref="Row"/> 0, a whole file) cannot be imported.</summary>
public sealed record ImportProblem(string File, int Row, LocalizedText Reason);

/// <summary>The reasons an import report gives, in Thai and English, saying how to fix the row.</summary>
public static class ImportReasons
{
    public static LocalizedText NotUtf8 { get; } = new(
        "ข้อความไม่ใช่ UTF-8 (ภาษาไทยอ่านไม่ได้) ให้บันทึกไฟล์แบบ “CSV UTF-8”",
        "The text is not valid UTF-8 (Thai cannot be read); save the file as “CSV UTF-8”");

    public static LocalizedText NoFiles { get; } = new(
        "ไม่พบไฟล์ groups.csv, schools.csv, centres.csv หรือ people.csv",
        "No groups.csv, schools.csv, centres.csv or people.csv was found");

    public static LocalizedText UnknownFile { get; } = new(
        "ไม่ใช่ไฟล์ทำเนียบ: ชื่อไฟล์หรือหัวตารางไม่ตรงกับ groups.csv, schools.csv, centres.csv หรือ people.csv",
        "Not a directory file: neither its name nor its header matches groups.csv, schools.csv, centres.csv or people.csv");

    public static LocalizedText SameKindTwice(string other) => new(
        $"มีข้อมูลชนิดเดียวกับไฟล์ {other} ส่งมาเพียงไฟล์เดียว",
        $"Holds the same kind of rows as {other}; send only one of them");

    public static LocalizedText TooLarge(int megabytes) => new(
        $"ไฟล์ใหญ่เกิน {megabytes} MB",
        $"The file is larger than {megabytes} MB");

    public static LocalizedText MissingColumns(IEnumerable<string> columns) => new(
        $"หัวตารางขาดคอลัมน์: {string.Join(", ", columns)}",
        $"The header lacks column(s): {string.Join(", ", columns)}");

    public static LocalizedText TooManyRows(int limit) => new(
        $"เกินจำนวนแถวสูงสุด {limit:N0} แถว",
        $"More than the limit of {limit:N0} rows");

    public static LocalizedText Required(string column) => new(
        $"ต้องกรอก {column}",
        $"{column} is required");

    public static LocalizedText Duplicate(string column, string value, int firstRow) => new(
        $"{column} “{value}” ซ้ำกับแถว {firstRow}",
        $"Duplicate {column} “{value}” (also on row {firstRow})");

    public static LocalizedText BadEmail(string column, string value) => new(
        $"{column} “{value}” ไม่ใช่อีเมลที่ถูกต้อง",
        $"{column} “{value}” is not a valid email address");

    public static LocalizedText BadCode(string column, string value) => new(
        $"{column} “{value}” ใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข - และ _ ไม่เกิน 20 ตัว",
        $"{column} “{value}” may hold only letters, digits, - and _ (at most 20)");

    public static LocalizedText BadGroupNumber(string column, string value) => new(
        $"{column} “{value}” ต้องเป็นเลขกลุ่ม 1 ถึง 999",
        $"{column} “{value}” must be a group number from 1 to 999");

    public static LocalizedText BadGuid(string column, string value) => new(
        $"{column} “{value}” ไม่ใช่รหัส GUID",
        $"{column} “{value}” is not a GUID");

    public static LocalizedText BadFlag(string column, string value) => new(
        $"{column} ต้องเป็น true หรือ false (ไม่ใช่ “{value}”)",
        $"{column} must be true or false, not “{value}”");

    public static LocalizedText UnknownGroup(string value) => new(
        $"ไม่มีกลุ่มโรงเรียนที่ {value} ใน groups.csv",
        $"Unknown group {value}: it is not in groups.csv");

    public static LocalizedText NoGroup { get; } = new(
        "โรงเรียนต้องอยู่ในกลุ่มโรงเรียน: กรอก group_no",
        "A school must be in a school group: fill in group_no");

    public static LocalizedText UnknownSchool(string value) => new(
        $"ไม่มีโรงเรียนรหัส {value} ใน schools.csv",
        $"Unknown school {value}: it is not in schools.csv");

    public static LocalizedText UnknownRole(string value) => new(
        $"ไม่รู้จักบทบาท “{value}” ใช้ได้: {string.Join(", ", DirectoryFiles.RoleCodes.Keys)}",
        $"Unknown role “{value}”; use: {string.Join(", ", DirectoryFiles.RoleCodes.Keys)}");

    public static LocalizedText NoRole { get; } = new(
        "ต้องระบุบทบาทอย่างน้อยหนึ่งบทบาทใน roles",
        "Give at least one role in roles");

    public static LocalizedText UnknownLearningArea(string value) => new(
        $"ไม่รู้จักกลุ่มสาระ “{value}” ใช้ได้: {string.Join(", ", LearningAreas.All.Select(a => a.Code))}",
        $"Unknown learning area “{value}”; use: {string.Join(", ", LearningAreas.All.Select(a => a.Code))}");

    /// <summary>A row of the current directory, kept because its file was not imported, refers to what the import removes.</summary>
    public static LocalizedText InCurrentDirectory(LocalizedText reason) => new(
        $"{reason.Th} (แถวนี้อยู่ในทำเนียบปัจจุบัน ให้นำเข้าไฟล์นี้ใหม่ด้วย)",
        $"{reason.En} (this row is in the current directory; import this file again too)");
}
