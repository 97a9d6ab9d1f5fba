using Workflows.Core.Entities;
using Workflows.Core.Journeys;

namespace Workflows.Core.Demo;

/// <summary>The journeys the gallery templates open from their tasks, with the ids those templates name.</summary>
internal static class DemoJourneys
{
    public static IEnumerable<Journey> All()
    {
        yield return new Journey
        {
            Id = "journey-site-survey",
            Name = "Site survey",
            Description = "What the installer records on the roof and at the meter cabinet; the roof area sizes the system.",
            Schema = "opportunity",
            Steps =
            [
                new JourneyStep
                {
                    Id = "roof",
                    Title = "Roof",
                    Description = "Measure the usable roof area, without windows, chimneys and the border strip.",
                    Fields =
                    [
                        Field("survey_date", JourneyFieldKind.Date, "Survey date", required: true),
                        Field("roof_size_m2", JourneyFieldKind.Number, "Usable roof area (m²)", required: true, min: 5, max: 2000,
                            help: "Systems on 30 m² or more are planned as full systems."),
                        Field("roof_covering", JourneyFieldKind.Select, "Roof covering", required: true),
                        Field("roof_orientation", JourneyFieldKind.MultiSelect, "Orientation of the usable areas", min: 1, max: 4),
                    ],
                },
                new JourneyStep
                {
                    Id = "cabinet",
                    Title = "Meter cabinet and cabling",
                    Fields =
                    [
                        Field("meter_cabinet_ok", JourneyFieldKind.Checkbox, "Meter cabinet has room for the new meter"),
                        Field("cable_route", JourneyFieldKind.Multiline, "Cable route from roof to meter cabinet", required: true, min: 10,
                            help: "Where the DC cables run and how long they are."),
                        Field("site_visit_done", JourneyFieldKind.Checkbox, "Site visit done", required: true),
                    ],
                },
            ],
        };
        yield return new Journey
        {
            Id = "journey-move-in",
            Name = "Move-in details",
            Description = "Move-in date, new address, meter and previous supplier, filled in by the customer or with them on the phone.",
            Schema = "contact",
            Steps =
            [
                new JourneyStep
                {
                    Id = "home",
                    Title = "Your new home",
                    Fields =
                    [
                        Field("move_in_date", JourneyFieldKind.Date, "Move-in date", required: true),
                        Field("street", JourneyFieldKind.Text, "Street and number", required: true),
                        Field("postal_code", JourneyFieldKind.Text, "Postal code", required: true, pattern: "[0-9]{4,5}",
                            patternMessage: "A postal code has 4 or 5 digits."),
                        Field("city", JourneyFieldKind.Text, "City", required: true),
                    ],
                },
                new JourneyStep
                {
                    Id = "meter",
                    Title = "Meter",
                    Description = "Read the meter on the day you move in.",
                    Fields =
                    [
                        Field("meter_number", JourneyFieldKind.Text, "Meter number", required: true, pattern: "[0-9A-Za-z]{6,20}",
                            patternMessage: "A meter number has 6 to 20 letters and digits, without spaces.", help: "Printed on the meter, often starting with 1ESY."),
                        Field("meter_reading", JourneyFieldKind.Number, "Meter reading (kWh)", required: true, min: 0),
                    ],
                },
                new JourneyStep
                {
                    Id = "contact",
                    Title = "Contact and previous supplier",
                    Fields =
                    [
                        Field("email", JourneyFieldKind.Email, "E-mail", required: true),
                        Field("phone", JourneyFieldKind.Phone, "Phone"),
                        Field("previous_supplier", JourneyFieldKind.Text, "Previous supplier"),
                        Field("cancel_previous_supplier", JourneyFieldKind.Checkbox, "Please cancel my previous supplier for me"),
                    ],
                },
            ],
        };
        yield return new Journey
        {
            Id = "journey-sepa-mandate",
            Name = "SEPA mandate",
            Description = "The direct debit mandate: account holder, IBAN and the customer's authorisation.",
            Schema = "contact",
            Steps =
            [
                new JourneyStep
                {
                    Id = "holder",
                    Title = "Account holder",
                    Fields =
                    [
                        Field("account_holder", JourneyFieldKind.Text, "Account holder", required: true, min: 3),
                        Field("email", JourneyFieldKind.Email, "E-mail for pre-notifications", required: true),
                    ],
                },
                new JourneyStep
                {
                    Id = "account",
                    Title = "Bank account and mandate",
                    Fields =
                    [
                        Field("iban", JourneyFieldKind.Text, "IBAN", required: true, pattern: "[A-Z]{2}[0-9]{2}[A-Z0-9 ]{11,34}",
                            patternMessage: "Enter the IBAN in capitals, such as DE89 3704 0044 0532 0130 00."),
                        Field("sepa_mandate", JourneyFieldKind.Checkbox, "I authorise payments from this account by SEPA direct debit", required: true),
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
}
