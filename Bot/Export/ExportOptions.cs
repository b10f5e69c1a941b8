using Microsoft.Extensions.Options;

namespace SupervisionBot.Bot.Export;

/// <summary>The <c>Export</c> section: how the chat export uploads its files.</summary>
public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>OneDrive takes an upload session's fragments in multiples of 320 KiB.</summary>
    public const int FragmentUnit = 320 * 1024;

    /// <summary>Bytes per PUT to the upload URL: a multiple of 320 KiB up to 60 MiB. Default 3.75 MiB (12 × 320 KiB).</summary>
    public int UploadFragmentBytes { get; set; } = 12 * FragmentUnit;

    /// <summary>Hosts the upload URL Teams hands back may point at; empty means SharePoint Online's (as for downloads). Ignored in local mode.</summary>
    public List<string> UploadHosts { get; set; } = [];
}

public sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportOptions options) =>
        options.UploadFragmentBytes <= 0 || options.UploadFragmentBytes % ExportOptions.FragmentUnit != 0 || options.UploadFragmentBytes > 60 * 1024 * 1024
            ? ValidateOptionsResult.Fail($"Export:UploadFragmentBytes must be a multiple of {ExportOptions.FragmentUnit} (320 KiB) up to 60 MiB, not {options.UploadFragmentBytes}.")
            : ValidateOptionsResult.Success;
}
