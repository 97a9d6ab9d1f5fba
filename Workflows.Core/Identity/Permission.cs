namespace Workflows.Core.Identity;

/// <summary>
/// What a signed-in user may do. <see cref="AccessPolicy"/> says which roles hold each; pages, endpoints and exports
/// ask by these names (the web app registers one authorization policy per member).
/// </summary>
public enum Permission
{
    /// <summary>Open, list, search, create and change records, and read the entity schemas.</summary>
    UseRecords,

    /// <summary>Read workflow templates and closing reasons (what a workflow offers), without changing them.</summary>
    ReadDefinitions,

    /// <summary>Build: change templates, closing reasons, automations and journeys.</summary>
    Build,

    /// <summary>Administer users, partners, schemas and API tokens.</summary>
    Administer,

    /// <summary>See running workflows and their tasks (a confined user only their own tasks).</summary>
    SeeWork,

    /// <summary>Work a task: change its status, choose a branch, run its automation now.</summary>
    WorkTasks,

    /// <summary>Start, assign, set due dates, add tasks, cancel scheduled runs, close and reopen workflows.</summary>
    ManageWorkflows,

    /// <summary>Use the workflow dashboard and its export.</summary>
    UseDashboard,

    /// <summary>Look at anyone's tasks on the dashboard (another person, a partner, unassigned, everyone).</summary>
    SeeEveryonesTasks,

    /// <summary>Use the partner portal: one's own and one's organisation's tasks.</summary>
    UsePartnerPortal,

    /// <summary>Delete a workflow, softly or for good.</summary>
    DeleteWorkflows,

    /// <summary>Delete a record.</summary>
    DeleteRecords,
}
