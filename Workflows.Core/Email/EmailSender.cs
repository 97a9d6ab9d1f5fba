using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Workflows.Core.Email;

/// <summary>Sends mail with MailKit over SMTP, or drops it as an .eml file into the pickup folder (see <see cref="EmailOptions"/>).</summary>
public sealed class EmailSender(EmailOptions options, TimeProvider clock)
{
    /// <summary>Sends the message and says where it went (the SMTP host or the .eml file).</summary>
    public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = new TextPart("plain") { Text = message.Body },
            Date = clock.GetUtcNow(),
        };
        mime.From.Add(MailboxAddress.Parse(options.From));
        foreach (var to in message.To)
        {
            mime.To.Add(MailboxAddress.Parse(to));
        }

        if (!options.UsesSmtp)
        {
            Directory.CreateDirectory(options.PickupDirectory);
            var path = Path.Combine(options.PickupDirectory, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(path, cancellationToken);
            return path;
        }

        using var smtp = new SmtpClient();
        var security = !options.UseTls ? SecureSocketOptions.None
            : options.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await smtp.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }

        await smtp.SendAsync(mime, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
        return options.Host!;
    }
}
