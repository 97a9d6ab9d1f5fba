using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Automations.Actions;
using Workflows.Core.Data;

namespace Workflows.Core.Automations.Webhooks;

/// <summary>
/// Webhook signing keys are write-only: a save stores a new key encrypted (or keeps, or drops, the stored one), what
/// is read back says only whether a key is set, and only the webhook call opens it. Keys stored in clear by an older
/// version are recognised: used as they are, and encrypted at start and on the next save.
/// </summary>
public sealed class WebhookSecrets(ISecretProtector protector, IDbContextFactory<WorkflowsDbContext> dbFactory)
{
    /// <summary>The actions as they are stored, given what a person sent and what was stored before.</summary>
    public List<AutomationAction> ForStorage(IEnumerable<AutomationAction> input, IReadOnlyList<AutomationAction> stored) =>
        [.. input.Select(action =>
        {
            var kept = action.Type != AutomationActionType.CallWebhook || action.RemoveSecret ? null
                : !string.IsNullOrEmpty(action.Secret) ? protector.Protect(action.Secret)
                : StoredKeyOf(stored.FirstOrDefault(s => s.Id == action.Id && s.Type == AutomationActionType.CallWebhook));
            return action with { Secret = null, ProtectedSecret = kept, RemoveSecret = false, HasSecret = false };
        })];

    /// <summary>The automation as pages see it: each webhook says whether a key is set, never what it is.</summary>
    public static Automation Redact(Automation automation)
    {
        automation.Actions = [.. automation.Actions.Select(a =>
            a with { Secret = null, ProtectedSecret = null, HasSecret = a.ProtectedSecret is not null || !string.IsNullOrEmpty(a.Secret) })];
        return automation;
    }

    /// <summary>The key a webhook signs with, in clear; null when it has none.</summary>
    public string? SigningKeyOf(AutomationAction action)
    {
        if (action.ProtectedSecret is not { } stored)
        {
            return string.IsNullOrEmpty(action.Secret) ? null : action.Secret;
        }

        try
        {
            return protector.Unprotect(stored);
        }
        catch (CryptographicException error)
        {
            throw new ActionFailedException(
                "The webhook's signing secret cannot be decrypted (the Data Protection keys it was saved with are gone); set it again on the automation's page.",
                transient: false, error);
        }
    }

    /// <summary>Encrypts every key an older version stored in clear; returns how many automations it changed.</summary>
    public async Task<int> ProtectStoredAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var automations = await db.Automations.ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var automation in automations.Where(a => a.Actions.Exists(x => !string.IsNullOrEmpty(x.Secret))))
        {
            automation.Actions = ForStorage(automation.Actions, automation.Actions);
            changed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    private string? StoredKeyOf(AutomationAction? stored) =>
        stored?.ProtectedSecret ?? (string.IsNullOrEmpty(stored?.Secret) ? null : protector.Protect(stored.Secret));
}
