namespace Workflows.Core.Email;

/// <summary>A plain-text e-mail to one or more recipients.</summary>
public sealed record EmailMessage(IReadOnlyList<string> To, string Subject, string Body);
