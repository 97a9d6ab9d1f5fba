using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Gallery;

namespace Workflows.Core.Demo;

/// <summary>The fixed demo content: schemas, records and closing reasons, with stable ids so seeding is idempotent.</summary>
internal static class DemoCatalogue
{
    /// <summary>The reasons the gallery templates offer, and one retired reason to show what inactive looks like.</summary>
    public static IReadOnlyList<(string Id, string Title, ClosingReasonStatus Status)> ClosingReasons { get; } =
    [
        .. GalleryCatalogue.ClosingReasons,
        ("cr-legacy-migrated", "Migrated to legacy system", ClosingReasonStatus.INACTIVE),
    ];

    public static IEnumerable<EntitySchema> Schemas(DateTimeOffset now)
    {
        yield return new EntitySchema
        {
            Slug = "contact",
            Name = "Contact",
            Plural = "Contacts",
            Icon = "person",
            TitleTemplate = "{{first_name}} {{last_name}}",
            CreatedAt = now,
            UpdatedAt = now,
            Attributes =
            [
                new() { Name = "first_name", Label = "First name", Type = AttributeType.Text, Required = true },
                new() { Name = "last_name", Label = "Last name", Type = AttributeType.Text, Required = true },
                new() { Name = "email", Label = "E-mail", Type = AttributeType.Email },
                new() { Name = "phone", Label = "Phone", Type = AttributeType.Phone },
                new() { Name = "street", Label = "Street", Type = AttributeType.Text },
                new() { Name = "postal_code", Label = "Postal code", Type = AttributeType.Text },
                new() { Name = "city", Label = "City", Type = AttributeType.Text, Filterable = true },
                new() { Name = "country", Label = "Country", Type = AttributeType.Select, Options = ["DE", "AT", "CH", "NL", "FR"] },
                new() { Name = "customer_type", Label = "Customer type", Type = AttributeType.Select, Options = ["private", "business"] },
                new() { Name = "birthdate", Label = "Date of birth", Type = AttributeType.Date },
                new() { Name = "newsletter", Label = "Newsletter", Type = AttributeType.Boolean },
                new() { Name = "tags", Label = "Tags", Type = AttributeType.MultiSelect, Options = ["vip", "solar", "heat pump", "e-mobility", "tenant"] },
                new() { Name = "owner", Label = "Owner", Type = AttributeType.User },
                new() { Name = "move_in_date", Label = "Move-in date", Type = AttributeType.Date },
                new() { Name = "meter_number", Label = "Meter number", Type = AttributeType.Text },
                new() { Name = "meter_reading", Label = "Meter reading (kWh)", Type = AttributeType.Number },
                new() { Name = "previous_supplier", Label = "Previous supplier", Type = AttributeType.Text },
                new() { Name = "cancel_previous_supplier", Label = "Cancel previous supplier", Type = AttributeType.Boolean },
                new() { Name = "account_holder", Label = "Account holder", Type = AttributeType.Text },
                new() { Name = "iban", Label = "IBAN", Type = AttributeType.Text },
                new() { Name = "sepa_mandate", Label = "SEPA mandate granted", Type = AttributeType.Boolean },
            ],
        };
        yield return new EntitySchema
        {
            Slug = "opportunity",
            Name = "Opportunity",
            Plural = "Opportunities",
            Icon = "lightbulb",
            TitleTemplate = "{{title}}",
            CreatedAt = now,
            UpdatedAt = now,
            Attributes =
            [
                new() { Name = "title", Label = "Title", Type = AttributeType.Text, Required = true },
                new() { Name = "product", Label = "Product", Type = AttributeType.Select, Options = ["Solar", "Heat pump", "Wallbox", "Meter change", "Move-in"] },
                new() { Name = "stage", Label = "Stage", Type = AttributeType.Select, Options = ["new", "qualified", "offer", "won", "lost"], Filterable = true },
                new() { Name = "amount", Label = "Amount (EUR)", Type = AttributeType.Number, Filterable = true },
                new() { Name = "expected_close", Label = "Expected close", Type = AttributeType.Date },
                new() { Name = "roof_size_m2", Label = "Roof size (m²)", Type = AttributeType.Number },
                new() { Name = "site_visit_done", Label = "Site visit done", Type = AttributeType.Boolean },
                new() { Name = "survey_date", Label = "Survey date", Type = AttributeType.Date },
                new() { Name = "roof_covering", Label = "Roof covering", Type = AttributeType.Select, Options = ["tiles", "slate", "metal", "flat roof membrane", "other"] },
                new() { Name = "roof_orientation", Label = "Roof orientation", Type = AttributeType.MultiSelect, Options = ["north", "east", "south", "west"] },
                new() { Name = "meter_cabinet_ok", Label = "Meter cabinet has room for the new meter", Type = AttributeType.Boolean },
                new() { Name = "cable_route", Label = "Cable route", Type = AttributeType.Text, Multiline = true },
                new() { Name = "contact", Label = "Contact", Type = AttributeType.Relation, AllowedSchemas = ["contact"] },
                new() { Name = "owner", Label = "Owner", Type = AttributeType.User },
                new() { Name = "workflow_status", Label = "Workflow status", Type = AttributeType.Text },
            ],
        };
        yield return new EntitySchema
        {
            Slug = "order",
            Name = "Order",
            Plural = "Orders",
            Icon = "shopping_cart",
            TitleTemplate = "{{order_number}} {{product}}",
            CreatedAt = now,
            UpdatedAt = now,
            Attributes =
            [
                new() { Name = "order_number", Label = "Order number", Type = AttributeType.Text, Required = true },
                new() { Name = "product", Label = "Product", Type = AttributeType.Select, Options = ["Solar", "Heat pump", "Wallbox", "Meter change", "Move-in"] },
                new() { Name = "status", Label = "Status", Type = AttributeType.Select, Options = ["draft", "placed", "in_fulfillment", "completed", "cancelled"] },
                new() { Name = "total", Label = "Total (EUR)", Type = AttributeType.Number },
                new() { Name = "order_date", Label = "Order date", Type = AttributeType.Date },
                new() { Name = "installation_date", Label = "Installation date", Type = AttributeType.Date },
                new() { Name = "paid", Label = "Paid", Type = AttributeType.Boolean },
                new() { Name = "meter_number", Label = "Meter number", Type = AttributeType.Text },
                new() { Name = "notes", Label = "Notes", Type = AttributeType.Text, Multiline = true },
                new() { Name = "contact", Label = "Contact", Type = AttributeType.Relation, AllowedSchemas = ["contact"] },
                new() { Name = "owner", Label = "Owner", Type = AttributeType.User },
                new() { Name = "workflow_status", Label = "Workflow status", Type = AttributeType.Text },
            ],
        };
    }

    private static readonly (string First, string Last, string Street, string Postal, string City, string Country)[] People =
    [
        ("Jürgen", "Müller", "Hauptstraße 12", "80331", "München", "DE"),
        ("Anneliese", "Schröder", "Königsallee 45", "40212", "Düsseldorf", "DE"),
        ("Matthias", "Weiß", "Schloßstraße 3", "70173", "Stuttgart", "DE"),
        ("Sophie", "Bäcker", "Am Fröbelplatz 7", "01069", "Dresden", "DE"),
        ("Lukas", "Groß", "Mönckebergstraße 21", "20095", "Hamburg", "DE"),
        ("Marie", "Köhler", "Friedrichstraße 101", "10117", "Berlin", "DE"),
        ("Stefan", "Jäger", "Zeil 88", "60313", "Frankfurt am Main", "DE"),
        ("Claudia", "Fuchs", "Domkloster 4", "50667", "Köln", "DE"),
        ("Andreas", "Lößner", "Brühl 33", "04109", "Leipzig", "DE"),
        ("Katharina", "Strauß", "Mariahilfer Straße 120", "1070", "Wien", "AT"),
        ("Florian", "Hübner", "Getreidegasse 9", "5020", "Salzburg", "AT"),
        ("Ursula", "Zöller", "Bahnhofstrasse 50", "8001", "Zürich", "CH"),
        ("René", "Dubois", "Rue de Rivoli 18", "75001", "Paris", "FR"),
        ("Daan", "de Vries", "Prinsengracht 263", "1016 GV", "Amsterdam", "NL"),
        ("Hannah", "Schäfer", "Obernstraße 2", "28195", "Bremen", "DE"),
        ("Tobias", "Krämer", "Kröpeliner Straße 15", "18055", "Rostock", "DE"),
        ("Elif", "Demir", "Karl-Marx-Straße 150", "12043", "Berlin", "DE"),
        ("Paweł", "Nowak", "Holstenstraße 40", "24103", "Kiel", "DE"),
        ("Giulia", "Rossi", "Maximilianstraße 27", "86150", "Augsburg", "DE"),
        ("Björn", "Öztürk", "Georgstraße 36", "30159", "Hannover", "DE"),
        ("Franziska", "Weber", "Ludwigstraße 8", "93047", "Regensburg", "DE"),
        ("Niklas", "Brandt", "Lange Straße 19", "26122", "Oldenburg", "DE"),
        ("Margarete", "Vogel", "Marktplatz 1", "69117", "Heidelberg", "DE"),
        ("Dominik", "Haußmann", "Kaiserstraße 60", "76133", "Karlsruhe", "DE"),
        ("Ingrid", "Sauer", "Westenhellweg 5", "44137", "Dortmund", "DE"),
    ];

    public static IEnumerable<EntityRecord> Records(DateTimeOffset now, IReadOnlyList<string> ownerIds)
    {
        string Owner(int index) => ownerIds.Count == 0 ? "" : ownerIds[index % ownerIds.Count];
        var schemas = Schemas(now).ToDictionary(s => s.Slug);
        string[] tags = ["vip", "solar", "heat pump", "e-mobility", "tenant"];

        for (var i = 0; i < People.Length; i++)
        {
            var (first, last, street, postal, city, country) = People[i];
            var email = $"{Ascii(first)}.{Ascii(last)}@example.{(country == "DE" ? "de" : country.ToLowerInvariant())}";
            yield return Record(schemas["contact"], $"contact-{i + 1:000}", now.AddDays(-60 + i), new JsonObject
            {
                ["first_name"] = first,
                ["last_name"] = last,
                ["email"] = email,
                ["phone"] = $"+49 {150 + i} {1000000 + (i * 7919 % 8999999)}",
                ["street"] = street,
                ["postal_code"] = postal,
                ["city"] = city,
                ["country"] = country,
                ["customer_type"] = i % 4 == 0 ? "business" : "private",
                ["birthdate"] = new DateOnly(1950 + (i * 3 % 50), 1 + (i % 12), 1 + (i * 5 % 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["newsletter"] = i % 3 == 0,
                ["tags"] = new JsonArray(JsonValue.Create(tags[i % tags.Length]), JsonValue.Create(tags[(i + 2) % tags.Length])),
                ["owner"] = Owner(i),
            });
        }

        (string Product, decimal Amount)[] offers = [("Solar", 18_900m), ("Heat pump", 24_500m), ("Wallbox", 1_890m), ("Meter change", 0m), ("Move-in", 0m)];
        string[] stages = ["new", "qualified", "offer", "won", "lost"];
        for (var i = 0; i < 15; i++)
        {
            var (product, amount) = offers[i % offers.Length];
            var person = People[i];
            yield return Record(schemas["opportunity"], $"opportunity-{i + 1:000}", now.AddDays(-30 + i), new JsonObject
            {
                ["title"] = $"{product} – {person.First} {person.Last}, {person.City}",
                ["product"] = product,
                ["stage"] = stages[i % stages.Length],
                ["amount"] = amount + (i * 350),
                ["expected_close"] = DateOnly.FromDateTime(now.UtcDateTime).AddDays(14 + (i * 3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["roof_size_m2"] = product == "Solar" ? 40 + (i * 4) : null,
                ["site_visit_done"] = i % 2 == 0,
                ["contact"] = $"contact-{i + 1:000}",
                ["owner"] = Owner(i + 1),
            });
        }

        string[] statuses = ["placed", "in_fulfillment", "completed", "placed", "draft"];
        for (var i = 0; i < 10; i++)
        {
            var (product, amount) = offers[(i + 1) % offers.Length];
            var orderDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-20 + i);
            yield return Record(schemas["order"], $"order-{i + 1:000}", now.AddDays(-20 + i), new JsonObject
            {
                ["order_number"] = $"ORD-2026-{1041 + i}",
                ["product"] = product,
                ["status"] = statuses[i % statuses.Length],
                ["total"] = amount + (i * 120),
                ["order_date"] = orderDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["installation_date"] = orderDate.AddDays(21).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["paid"] = i % 3 == 2,
                ["meter_number"] = product == "Meter change" ? $"1ESY{11600000 + (i * 4421)}" : null,
                ["contact"] = $"contact-{i + 10:000}",
                ["owner"] = Owner(i + 2),
            });
        }
    }

    private static EntityRecord Record(EntitySchema schema, string id, DateTimeOffset at, JsonObject attributes)
    {
        foreach (var key in attributes.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
        {
            attributes.Remove(key);
        }

        var record = new EntityRecord
        {
            Id = id,
            Schema = schema.Slug,
            Title = RecordTitle.Render(schema.TitleTemplate, attributes),
            Attributes = attributes,
            CreatedAt = at,
            UpdatedAt = at,
            CreatedBy = "Demo data",
            UpdatedBy = "Demo data",
        };
        record.SearchText = EntityService.SearchTextOf(record);
        return record;
    }

    private static string Ascii(string name) => name.ToLowerInvariant()
        .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
        .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal)
        .Replace("é", "e", StringComparison.Ordinal).Replace("ł", "l", StringComparison.Ordinal)
        .Replace(" ", "", StringComparison.Ordinal);
}
