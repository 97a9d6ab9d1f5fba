using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

using static Workflows.Core.Flows.Gallery.TemplateParts;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// A meter exchange by the metering point operator: check the order, agree and announce the
/// appointment, let the metering partner swap the meter, then report the readings to grid
/// operator and supplier and close the order.
/// </summary>
internal static class MeterChangeTemplate
{
    public const string Name = "Meter change";

    public const string Description =
        "Exchange of an electricity meter: appointment with the customer, exchange on site by the metering partner, readings to grid operator and supplier.";

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
            Phase(Preparation, "Preparation"),
            Phase(OnSite, "On site"),
            Phase(MarketCommunication, "Market communication"),
        ],
        Tasks =
        [
            new FlowTask
            {
                Id = CheckOrder,
                Name = "Check order and meter data",
                PhaseId = Preparation,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(1, TimeUnit.Days),
                Description = Markdown("""
                    Compare the order with the meter master data:
                    - meter number (`meter_number`) and market location ID
                    - meter type to install (modern metering device or smart meter gateway)
                    - access to the meter: basement key, landlord, caretaker
                    """),
            },
            new FlowTask
            {
                Id = AgreeAppointment,
                Name = "Agree appointment with customer",
                PhaseId = Preparation,
                Requirements = [TaskFinished(CheckOrder)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterTask(2, TimeUnit.Days, CheckOrder),
                Description = Markdown("Offer two time windows at least **two weeks** ahead; the customer or a representative must give access to the meter."),
            },
            new FlowTask
            {
                Id = SendAppointmentNotice,
                Name = "Send appointment notice",
                TaskType = TaskType.AUTOMATION,
                PhaseId = Preparation,
                AutomationConfig = new AutomationConfig { FlowId = "auto-send-meter-appointment" },
                TriggerMode = TriggerMode.Automatic,
                Requirements = [TaskFinished(AgreeAppointment)],
            },
            new FlowTask
            {
                Id = PrepareDevice,
                Name = "Prepare new meter",
                PhaseId = Preparation,
                Requirements = [TaskFinished(AgreeAppointment)],
                AssignedTo = [MeteringPartner],
                DueDateConfig = AfterTask(5, TimeUnit.Days, AgreeAppointment),
            },
            new FlowTask
            {
                Id = ExchangeMeter,
                Name = "Exchange meter on site",
                PhaseId = OnSite,
                Requirements = [TaskFinished(PrepareDevice), TaskFinished(SendAppointmentNotice)],
                AssignedTo = [MeteringPartner],
                DueDateConfig = AfterTask(14, TimeUnit.Days, AgreeAppointment),
                Description = Markdown("""
                    1. Read the old meter and photograph the display with its meter number.
                    2. Install and seal the new meter; read and photograph it.
                    3. Have the customer sign the exchange protocol.
                    """),
            },
            new FlowTask
            {
                Id = UploadProtocol,
                Name = "Upload exchange protocol and photos",
                PhaseId = OnSite,
                Requirements = [TaskFinished(ExchangeMeter)],
                AssignedTo = [MeteringPartner],
                DueDateConfig = AfterTask(24, TimeUnit.Hours, ExchangeMeter),
            },
            new FlowTask
            {
                Id = SendReadings,
                Name = "Send readings to grid operator and supplier",
                PhaseId = MarketCommunication,
                Requirements = [PhaseFinished(OnSite)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterPhase(48, TimeUnit.Hours, OnSite),
                Description = Markdown("Send the removal and installation readings of both meters to the grid operator and the supplier so the final and the first bill match."),
            },
            new FlowTask
            {
                Id = CloseOrder,
                Name = "Close order",
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
}
