using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Gallery;
using Workflows.Core.Localization;

namespace Workflows.Core.Demo;

/// <summary>
/// The fixed demo content: schemas, records and closing reasons, with stable ids so seeding is idempotent. Names, labels
/// and prose are in the current UI culture's language; ids, attribute names and option values are the same in every one.
/// </summary>
internal static class DemoCatalogue
{
    /// <summary>The reasons the gallery templates offer, and one retired reason to show what inactive looks like.</summary>
    public static IReadOnlyList<(string Id, string Title, ClosingReasonStatus Status)> ClosingReasons =>
    [
        .. GalleryCatalogue.ClosingReasons,
        ("cr-legacy-migrated", T("Reason_LegacyMigrated"), ClosingReasonStatus.INACTIVE),
    ];

    public static IEnumerable<EntitySchema> Schemas(DateTimeOffset now)
    {
        yield return new EntitySchema
        {
            Slug = "contact",
            Name = T("Contact_Name"),
            Plural = T("Contact_Plural"),
            Icon = "person",
            TitleTemplate = "{{first_name}} {{last_name}}",
            CreatedAt = now,
            UpdatedAt = now,
            Attributes =
            [
                new() { Name = "first_name", Label = T("Label_FirstName"), Type = AttributeType.Text, Required = true },
                new() { Name = "last_name", Label = T("Label_LastName"), Type = AttributeType.Text, Required = true },
                new() { Name = "email", Label = T("Label_Email"), Type = AttributeType.Email },
                new() { Name = "phone", Label = T("Label_Phone"), Type = AttributeType.Phone },
                new() { Name = "street", Label = T("Label_Street"), Type = AttributeType.Text },
                new() { Name = "postal_code", Label = T("Label_PostalCode"), Type = AttributeType.Text },
                new() { Name = "city", Label = T("Label_City"), Type = AttributeType.Text, Filterable = true },
                new() { Name = "country", Label = T("Label_Country"), Type = AttributeType.Select, Options = ["DE", "AT", "CH", "NL", "FR"] },
                new() { Name = "customer_type", Label = T("Label_CustomerType"), Type = AttributeType.Select, Options = [Option("private", "Option_CustomerType_Private"), Option("business", "Option_CustomerType_Business")] },
                new() { Name = "birthdate", Label = T("Label_Birthdate"), Type = AttributeType.Date },
                new() { Name = "newsletter", Label = T("Label_Newsletter"), Type = AttributeType.Boolean },
                new() { Name = "tags", Label = T("Label_Tags"), Type = AttributeType.MultiSelect, Options = [Option("vip", "Option_Tag_Vip"), Option("solar", "Option_Tag_Solar"), Option("heat pump", "Option_Tag_HeatPump"), Option("e-mobility", "Option_Tag_EMobility"), Option("tenant", "Option_Tag_Tenant")] },
                new() { Name = "owner", Label = T("Label_Owner"), Type = AttributeType.User },
                new() { Name = "move_in_date", Label = T("Label_MoveInDate"), Type = AttributeType.Date },
                new() { Name = "meter_number", Label = T("Label_MeterNumber"), Type = AttributeType.Text },
                new() { Name = "meter_reading", Label = T("Label_MeterReading"), Type = AttributeType.Number },
                new() { Name = "previous_supplier", Label = T("Label_PreviousSupplier"), Type = AttributeType.Text },
                new() { Name = "cancel_previous_supplier", Label = T("Label_CancelPreviousSupplier"), Type = AttributeType.Boolean },
                new() { Name = "account_holder", Label = T("Label_AccountHolder"), Type = AttributeType.Text },
                new() { Name = "iban", Label = T("Label_Iban"), Type = AttributeType.Text },
                new() { Name = "sepa_mandate", Label = T("Label_SepaMandate"), Type = AttributeType.Boolean },
            ],
        };
        yield return new EntitySchema
        {
            Slug = "opportunity",
            Name = T("Opportunity_Name"),
            Plural = T("Opportunity_Plural"),
            Icon = "lightbulb",
            TitleTemplate = "{{title}}",
            CreatedAt = now,
            UpdatedAt = now,
            Attributes =
            [
                new() { Name = "title", Label = T("Label_Title"), Type = AttributeType.Text, Required = true },
                new() { Name = "product", Label = T("Label_Product"), Type = AttributeType.Select, Options = [Option("Solar", "Option_Product_Solar"), Option("Heat pump", "Option_Product_HeatPump"), Option("Wallbox", "Option_Product_Wallbox"), Option("Meter change", "Option_Product_MeterChange"), Option("Move-in", "Option_Product_MoveIn")] },
                new() { Name = "stage", Label = T("Label_Stage"), Type = AttributeType.Select, Options = [Option("new", "Option_Stage_New"), Option("qualified", "Option_Stage_Qualified"), Option("offer", "Option_Stage_Offer"), Option("won", "Option_Stage_Won"), Option("lost", "Option_Stage_Lost")], Filterable = true },
                new() { Name = "amount", Label = T("Label_Amount"), Type = AttributeType.Number, Filterable = true },
                new() { Name = "expected_close", Label = T("Label_ExpectedClose"), Type = AttributeType.Date },
                new() { Name = "roof_size_m2", Label = T("Label_RoofSize"), Type = AttributeType.Number },
                new() { Name = "site_visit_done", Label = T("Label_SiteVisitDone"), Type = AttributeType.Boolean },
                new() { Name = "survey_date", Label = T("Label_SurveyDate"), Type = AttributeType.Date },
                new() { Name = "roof_covering", Label = T("Label_RoofCovering"), Type = AttributeType.Select, Options = [Option("tiles", "Option_RoofCovering_Tiles"), Option("slate", "Option_RoofCovering_Slate"), Option("metal", "Option_RoofCovering_Metal"), Option("flat roof membrane", "Option_RoofCovering_FlatRoofMembrane"), Option("other", "Option_RoofCovering_Other")] },
                new() { Name = "roof_orientation", Label = T("Label_RoofOrientation"), Type = AttributeType.MultiSelect, Options = [Option("north", "Option_RoofOrientation_North"), Option("east", "Option_RoofOrientation_East"), Option("south", "Option_RoofOrientation_South"), Option("west", "Option_RoofOrientation_West")] },
                new() { Name = "meter_cabinet_ok", Label = T("Label_MeterCabinetOk"), Type = AttributeType.Boolean },
                new() { Name = "cable_route", Label = T("Label_CableRoute"), Type = AttributeType.Text, Multiline = true },
                new() { Name = "contact", Label = T("Label_Contact"), Type = AttributeType.Relation, AllowedSchemas = ["contact"] },
                new() { Name = "owner", Label = T("Label_Owner"), Type = AttributeType.User },
                new() { Name = "workflow_status", Label = T("Label_WorkflowStatus"), Type = AttributeType.Text },
            ],
        };
        yield return new EntitySchema
        {
            Slug = "order",
            Name = T("Order_Name"),
            Plural = T("Order_Plural"),
            Icon = "shopping_cart",
            TitleTemplate = "{{order_number}} {{product}}",
            CreatedAt = now,
            UpdatedAt = now,
            Attributes =
            [
                new() { Name = "order_number", Label = T("Label_OrderNumber"), Type = AttributeType.Text, Required = true },
                new() { Name = "product", Label = T("Label_Product"), Type = AttributeType.Select, Options = [Option("Solar", "Option_Product_Solar"), Option("Heat pump", "Option_Product_HeatPump"), Option("Wallbox", "Option_Product_Wallbox"), Option("Meter change", "Option_Product_MeterChange"), Option("Move-in", "Option_Product_MoveIn")] },
                new() { Name = "status", Label = T("Label_Status"), Type = AttributeType.Select, Options = [Option("draft", "Option_OrderStatus_Draft"), Option("placed", "Option_OrderStatus_Placed"), Option("in_fulfillment", "Option_OrderStatus_InFulfillment"), Option("completed", "Option_OrderStatus_Completed"), Option("cancelled", "Option_OrderStatus_Cancelled")] },
                new() { Name = "total", Label = T("Label_Total"), Type = AttributeType.Number },
                new() { Name = "order_date", Label = T("Label_OrderDate"), Type = AttributeType.Date },
                new() { Name = "installation_date", Label = T("Label_InstallationDate"), Type = AttributeType.Date },
                new() { Name = "paid", Label = T("Label_Paid"), Type = AttributeType.Boolean },
                new() { Name = "meter_number", Label = T("Label_MeterNumber"), Type = AttributeType.Text },
                new() { Name = "notes", Label = T("Label_Notes"), Type = AttributeType.Text, Multiline = true },
                new() { Name = "contact", Label = T("Label_Contact"), Type = AttributeType.Relation, AllowedSchemas = ["contact"] },
                new() { Name = "owner", Label = T("Label_Owner"), Type = AttributeType.User },
                new() { Name = "workflow_status", Label = T("Label_WorkflowStatus"), Type = AttributeType.Text },
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

        (string Product, string Title, decimal Amount)[] offers =
        [
            ("Solar", T("Product_Solar"), 18_900m), ("Heat pump", T("Product_HeatPump"), 24_500m), ("Wallbox", T("Product_Wallbox"), 1_890m),
            ("Meter change", T("Product_MeterChange"), 0m), ("Move-in", T("Product_MoveIn"), 0m),
        ];
        string[] stages = ["new", "qualified", "offer", "won", "lost"];
        for (var i = 0; i < 15; i++)
        {
            var (product, title, amount) = offers[i % offers.Length];
            var person = People[i];
            yield return Record(schemas["opportunity"], $"opportunity-{i + 1:000}", now.AddDays(-30 + i), new JsonObject
            {
                ["title"] = $"{title} – {person.First} {person.Last}, {person.City}",
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
            var (product, _, amount) = offers[(i + 1) % offers.Length];
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
            Title = RecordTitle.Render(schema, attributes),
            Attributes = attributes,
            CreatedAt = at,
            UpdatedAt = at,
            CreatedBy = T("DemoData"),
            UpdatedBy = T("DemoData"),
        };
        record.SearchText = EntityService.SearchTextOf(record);
        return record;
    }

    private static string Ascii(string name) => name.ToLowerInvariant()
        .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
        .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal)
        .Replace("é", "e", StringComparison.Ordinal).Replace("ł", "l", StringComparison.Ordinal)
        .Replace(" ", "", StringComparison.Ordinal);

    private static string T(string key) => Languages.Text<DemoText>(key);

    /// <summary>An option whose value records keep, shown with the seed language's words when they differ from it.</summary>
    private static AttributeOption Option(string value, string key) => T(key) is var title && title != value ? new(value, title) : new(value);
}
