using Workflows.Core.Entities;
using Workflows.Core.Journeys;
using Workflows.Core.Localization;

namespace Workflows.Core.Demo;

/// <summary>The journeys the gallery templates open from their tasks, with the ids those templates name.</summary>
internal static class DemoJourneys
{
    public static IEnumerable<Journey> All()
    {
        yield return new Journey
        {
            Id = "journey-site-survey",
            Name = T("SiteSurvey_Name"),
            Description = T("SiteSurvey_Description"),
            Schema = "opportunity",
            Steps =
            [
                new JourneyStep
                {
                    Id = "roof",
                    Title = T("SiteSurvey_Roof"),
                    Description = T("SiteSurvey_Roof_Description"),
                    Fields =
                    [
                        Field("survey_date", JourneyFieldKind.Date, T("Label_SurveyDate"), required: true),
                        Field("roof_size_m2", JourneyFieldKind.Number, T("SiteSurvey_RoofArea"), required: true, min: 5, max: 2000,
                            help: T("SiteSurvey_RoofArea_Help")),
                        Field("roof_covering", JourneyFieldKind.Select, T("Label_RoofCovering"), required: true),
                        Field("roof_orientation", JourneyFieldKind.MultiSelect, T("SiteSurvey_Orientation"), min: 1, max: 4),
                    ],
                },
                new JourneyStep
                {
                    Id = "cabinet",
                    Title = T("SiteSurvey_Cabinet"),
                    Fields =
                    [
                        Field("meter_cabinet_ok", JourneyFieldKind.Checkbox, T("Label_MeterCabinetOk")),
                        Field("cable_route", JourneyFieldKind.Multiline, T("SiteSurvey_CableRoute"), required: true, min: 10,
                            help: T("SiteSurvey_CableRoute_Help")),
                        Field("site_visit_done", JourneyFieldKind.Checkbox, T("Label_SiteVisitDone"), required: true),
                    ],
                },
            ],
        };
        yield return new Journey
        {
            Id = "journey-move-in",
            Name = T("MoveIn_Name"),
            Description = T("MoveIn_Description"),
            Schema = "contact",
            Steps =
            [
                new JourneyStep
                {
                    Id = "home",
                    Title = T("MoveIn_Home"),
                    Fields =
                    [
                        Field("move_in_date", JourneyFieldKind.Date, T("Label_MoveInDate"), required: true),
                        Field("street", JourneyFieldKind.Text, T("MoveIn_StreetAndNumber"), required: true),
                        Field("postal_code", JourneyFieldKind.Text, T("Label_PostalCode"), required: true, pattern: "[0-9]{4,5}",
                            patternMessage: T("MoveIn_PostalCode_Message")),
                        Field("city", JourneyFieldKind.Text, T("Label_City"), required: true),
                    ],
                },
                new JourneyStep
                {
                    Id = "meter",
                    Title = T("MoveIn_Meter"),
                    Description = T("MoveIn_Meter_Description"),
                    Fields =
                    [
                        Field("meter_number", JourneyFieldKind.Text, T("Label_MeterNumber"), required: true, pattern: "[0-9A-Za-z]{6,20}",
                            patternMessage: T("MoveIn_MeterNumber_Message"), help: T("MoveIn_MeterNumber_Help")),
                        Field("meter_reading", JourneyFieldKind.Number, T("Label_MeterReading"), required: true, min: 0),
                    ],
                },
                new JourneyStep
                {
                    Id = "contact",
                    Title = T("MoveIn_ContactStep"),
                    Fields =
                    [
                        Field("email", JourneyFieldKind.Email, T("Label_Email"), required: true),
                        Field("phone", JourneyFieldKind.Phone, T("Label_Phone")),
                        Field("previous_supplier", JourneyFieldKind.Text, T("Label_PreviousSupplier")),
                        Field("cancel_previous_supplier", JourneyFieldKind.Checkbox, T("MoveIn_CancelPreviousSupplier")),
                    ],
                },
            ],
        };
        yield return new Journey
        {
            Id = "journey-sepa-mandate",
            Name = T("Sepa_Name"),
            Description = T("Sepa_Description"),
            Schema = "contact",
            Steps =
            [
                new JourneyStep
                {
                    Id = "holder",
                    Title = T("Sepa_Holder"),
                    Fields =
                    [
                        Field("account_holder", JourneyFieldKind.Text, T("Label_AccountHolder"), required: true, min: 3),
                        Field("email", JourneyFieldKind.Email, T("Sepa_NoticeEmail"), required: true),
                    ],
                },
                new JourneyStep
                {
                    Id = "account",
                    Title = T("Sepa_Account"),
                    Fields =
                    [
                        Field("iban", JourneyFieldKind.Text, T("Label_Iban"), required: true, pattern: "[A-Z]{2}[0-9]{2}[A-Z0-9 ]{11,34}",
                            patternMessage: T("Sepa_Iban_Message")),
                        Field("sepa_mandate", JourneyFieldKind.Checkbox, T("Sepa_Authorisation"), required: true),
                    ],
                },
            ],
        };
    }

    private static JourneyField Field(
        string attribute, JourneyFieldKind kind, string label, bool required = false, decimal? min = null, decimal? max = null,
        string? pattern = null, string? patternMessage = null, string? help = null) => new()
    {
        Attribute = attribute,
        Kind = kind,
        Label = label,
        Required = required,
        Min = min,
        Max = max,
        Pattern = pattern,
        PatternMessage = patternMessage,
        HelpText = help,
    };

    /// <summary>Adds the demo attributes a database seeded by an older version lacks, so the journeys can bind to them.</summary>
    public static bool AddMissingAttributes(EntitySchema existing, EntitySchema demo)
    {
        var missing = demo.Attributes.Where(a => existing.Attributes.TrueForAll(e => e.Name != a.Name)).ToList();
        if (missing.Count == 0)
        {
            return false;
        }

        existing.Attributes = [.. existing.Attributes, .. missing];
        return true;
    }

    private static string T(string key) => Languages.Text<DemoText>(key);
}
