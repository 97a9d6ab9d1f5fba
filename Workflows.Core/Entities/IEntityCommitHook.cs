namespace Workflows.Core.Entities;

/// <summary>Sees every created or updated record inside its transaction, before it is saved, and may add rows to it.</summary>
public interface IEntityCommitHook
{
    Task OnCommitAsync(EntityCommit commit, CancellationToken cancellationToken);
}
