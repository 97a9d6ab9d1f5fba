using Workflows.Core.Data;
using Workflows.Core.Identity;

namespace Workflows.Core.Entities;

/// <summary>A record about to be saved, with the attributes whose value changed (all of them for a new record).</summary>
public sealed record EntityCommit(WorkflowsDbContext Db, EntityRecord Record, bool Created, IReadOnlyList<string> ChangedAttributes, Actor Actor);
