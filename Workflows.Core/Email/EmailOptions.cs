namespace Workflows.Core.Email;

/// <summary>
/// Outgoing mail (configuration section <c>Email</c>). With an SMTP <see cref="Host"/> mail goes out over SMTP;
/// without one every message is written as an .eml file to <see cref="PickupDirectory"/>, where a person or a test
/// can open it.
/// </summary>
public sealed class EmailOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>STARTTLS on submission ports, TLS on 465, none for a local relay.</summary>
    public bool UseTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Workflows <workflows@localhost>";

    public string PickupDirectory { get; set; } = "mail-pickup";

    /// <summary>Also send due-date reminders and escalations by e-mail, not only as in-app notifications.</summary>
    public bool SendReminders { get; set; }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);
}
