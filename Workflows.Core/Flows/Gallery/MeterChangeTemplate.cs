using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

using static Workflows.Core.Flows.Gallery.TemplateParts;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// A meter exchange by the metering point operator: check the order, agree and announce the
/// appointment, let the metering partner swap the meter, then report the readings to grid
/// operator and supplier and close the order.
/// </summary>
internal static class MeterChangeTemplate
{
    public static string Name => T("MeterChange_Name");

    public static string Description => T("MeterChange_Description");

    private const string Schema = "order";

    private const string Preparation = "meter-preparation";
    private const string OnSite = "meter-on-site";
    private const string MarketCommunication = "meter-market-communication";

    private const string CheckOrder = "meter-check-order";
    private const string AgreeAppointment = "meter-agree-appointment";
    private const string SendAppointmentNotice = "meter-send-appointment-notice";
    private const string PrepareDevice = "meter-prepare-device";
    private const string ExchangeMeter = "meter-exchange-meter";
    private const string UploadProtocol = "meter-upload-protocol";
    private const string SendReadings = "meter-send-readings";
    private const string CloseOrder = "meter-close-order";

    private static readonly Assignee MeteringPartner = Assignee.Of(GalleryCatalogue.MeterPartnerId);

    public static FlowTemplate Create() => new()
    {
        Name = Name,
        Description = Description,
        Enabled = true,
        Trigger = ManualOn(Schema),
        AssignedTo = [EntityOwner],
        DueDateConfig = AfterStart(6, TimeUnit.Weeks),
        Phases =
        [
            Phase(Preparation, T("MeterChange_Preparation")),
            Phase(OnSite, T("MeterChange_OnSite")),
            Phase(MarketCommunication, T("MeterChange_MarketCommunication")),
        ],
        Tasks =
        [
            new FlowTask
            {
                Id = CheckOrder,
                Name = T("MeterChange_CheckOrder"),
                PhaseId = Preparation,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(1, TimeUnit.Days),
                Description = Markdown(T("MeterChange_CheckOrder_Description")),
            },
            new FlowTask
            {
                Id = AgreeAppointment,
                Name = T("MeterChange_AgreeAppointment"),
                PhaseId = Preparation,
                Requirements = [TaskFinished(CheckOrder)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterTask(2, TimeUnit.Days, CheckOrder),
                Description = Markdown(T("MeterChange_AgreeAppointment_Description")),
            },
            new FlowTask
            {
                Id = SendAppointmentNotice,
                Name = T("MeterChange_SendAppointmentNotice"),
                TaskType = TaskType.AUTOMATION,
                PhaseId = Preparation,
                AutomationConfig = new AutomationConfig { FlowId = "auto-send-meter-appointment" },
                TriggerMode = TriggerMode.Automatic,
                Requirements = [TaskFinished(AgreeAppointment)],
            },
            new FlowTask
            {
                Id = PrepareDevice,
                Name = T("MeterChange_PrepareDevice"),
                PhaseId = Preparation,
                Requirements = [TaskFinished(AgreeAppointment)],
                AssignedTo = [MeteringPartner],
                DueDateConfig = AfterTask(5, TimeUnit.Days, AgreeAppointment),
            },
            new FlowTask
            {
                Id = ExchangeMeter,
                Name = T("MeterChange_ExchangeMeter"),
                PhaseId = OnSite,
                Requirements = [TaskFinished(PrepareDevice), TaskFinished(SendAppointmentNotice)],
                AssignedTo = [MeteringPartner],
                DueDateConfig = AfterTask(14, TimeUnit.Days, AgreeAppointment),
                Description = Markdown(T("MeterChange_ExchangeMeter_Description")),
            },
            new FlowTask
            {
                Id = UploadProtocol,
                Name = T("MeterChange_UploadProtocol"),
                PhaseId = OnSite,
                Requirements = [TaskFinished(ExchangeMeter)],
                AssignedTo = [MeteringPartner],
                DueDateConfig = AfterTask(24, TimeUnit.Hours, ExchangeMeter),
            },
            new FlowTask
            {
                Id = SendReadings,
                Name = T("MeterChange_SendReadings"),
                PhaseId = MarketCommunication,
                Requirements = [PhaseFinished(OnSite)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterPhase(48, TimeUnit.Hours, OnSite),
                Description = Markdown(T("MeterChange_SendReadings_Description")),
            },
            new FlowTask
            {
                Id = CloseOrder,
                Name = T("MeterChange_CloseOrder"),
                PhaseId = MarketCommunication,
                Requirements = [TaskFinished(SendReadings)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAllPrecedingTasks(2, TimeUnit.Days),
            },
        ],
        Edges =
        [
            Edge(CheckOrder, AgreeAppointment),
            Edge(AgreeAppointment, SendAppointmentNotice),
            Edge(AgreeAppointment, PrepareDevice),
            Edge(SendAppointmentNotice, ExchangeMeter),
            Edge(PrepareDevice, ExchangeMeter),
            Edge(ExchangeMeter, UploadProtocol),
            Edge(UploadProtocol, SendReadings),
            Edge(SendReadings, CloseOrder),
        ],
        ClosingReasons = ClosingReasonList("cr-customer-cancelled", "cr-duplicate", "cr-not-feasible", "cr-no-response"),
        SingleClosingReasonSelection = false,
        EntitySync =
        [
            .. StatusSync(Schema, "workflow_status"),
            ValueOnTaskCompleted(ExchangeMeter, "in_fulfillment", Schema, "status"),
            ValueOnTaskCompleted(CloseOrder, "completed", Schema, "status"),
        ],
    };

    private static string T(string key) => Languages.Text<GalleryText>(key);
}
