using Microsoft.AspNetCore.Identity;
using Workflows.Core;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Tests.Core;

/// <summary>A refusal is written in the UI culture of the moment it is made: German for a German reader, English otherwise.</summary>
public sealed class RefusalTextTests
{
    [Fact]
    public void A_refusal_made_in_german_reads_german_and_in_english_reads_english()
    {
        var german = Languages.In(Languages.German, () => TaskAccess.NoWorkflow("execution-7"));
        var english = Languages.In(Languages.English, () => TaskAccess.NoWorkflow("execution-7"));

        Assert.Equal("Es gibt keinen Workflow „execution-7“.", german.Message);
        Assert.Equal("There is no workflow 'execution-7'.", english.Message);
        Assert.Equal(RefusalKind.NotFound, german.Kind);
    }

    [Theory]
    [InlineData("de", "Sachbearbeitung", "Verknüpfter Datensatz", "Webhook aufrufen", "Erfolgreich")]
    [InlineData("en", "Case worker", "Record link", "Call webhook", "Succeeded")]
    public void Roles_attribute_types_and_automation_words_read_in_the_language_of_the_moment(
        string language, string caseWorker, string relation, string callWebhook, string succeeded)
    {
        Assert.Equal(caseWorker, Languages.In(language, () => Roles.Label(Roles.CaseWorker)));
        Assert.Equal(relation, Languages.In(language, () => Workflows.Core.Entities.AttributeType.Label(Workflows.Core.Entities.AttributeType.Relation)));
        Assert.Equal(callWebhook, Languages.In(language, () => Workflows.Core.Automations.AutomationWords.Action(Workflows.Core.Automations.AutomationActionType.CallWebhook)));
        Assert.Equal(succeeded, Languages.In(language, () => Workflows.Core.Automations.AutomationWords.Status(Workflows.Core.Automations.AutomationRunStatus.Succeeded)));
        Assert.Equal("Someone", Roles.Label("Someone")); // a role the product does not know reads as itself
    }

    [Fact]
    public void Numbers_and_times_in_a_refusal_follow_its_language()
    {
        var at = new DateTimeOffset(2026, 12, 7, 15, 4, 5, TimeSpan.Zero);

        Assert.Equal("Eine Notiz hat höchstens 10.000 Zeichen.", Languages.In(Languages.German, () => RefusalText.Of("NoteTooLong", 10_000)));
        Assert.Equal("A note can have at most 10,000 characters.", Languages.In(Languages.English, () => RefusalText.Of("NoteTooLong", 10_000)));
        Assert.Equal(
            "„Offer“ wurde von jemandem um 2026-12-07 15:04:05 UTC geändert. Laden Sie sie neu, um die Änderungen zu sehen, und übernehmen Sie dann Ihre erneut.",
            Languages.In(Languages.German, () => RefusalText.Of("AutomationChangedMeanwhile", "Offer", RefusalText.Of("Someone"), at)));
    }

    [Fact]
    public void Every_task_status_has_a_word_for_sentences_in_both_languages()
    {
        foreach (var status in Enum.GetValues<StepStatus>())
        {
            var key = "StatusWord_" + status;
            Assert.NotEqual(key, Languages.In(Languages.German, () => RefusalText.Of(key)));
            Assert.NotEqual(key, Languages.In(Languages.English, () => RefusalText.Of(key)));
        }

        Assert.Equal("waiting for its decision", RefusalText.Of("StatusWord_" + StepStatus.CONDITION_PENDING));
    }

    [Fact]
    public void Identitys_reasons_read_german_in_german_and_stay_identitys_own_in_english()
    {
        var texts = new IdentityErrorTexts();
        var identity = new IdentityErrorDescriber();

        Assert.Equal("Ein Passwort hat mindestens 8 Zeichen.", Languages.In(Languages.German, () => texts.PasswordTooShort(8).Description));
        Assert.Equal("Die E-Mail-Adresse „anna@example.com“ ist bereits vergeben.", Languages.In(Languages.German, () => texts.DuplicateEmail("anna@example.com").Description));
        Assert.Equal(identity.PasswordTooShort(8).Description, Languages.In(Languages.English, () => texts.PasswordTooShort(8).Description));
        Assert.Equal(identity.PasswordRequiresDigit().Code, Languages.In(Languages.German, () => texts.PasswordRequiresDigit().Code));

        // The English copies in RefusalText.resx are Identity's own words, so both languages' resources stay one pair.
        Assert.Equal(identity.PasswordTooShort(8).Description, RefusalText.Of("IdentityPasswordTooShort", 8));
        Assert.Equal(identity.PasswordRequiresUpper().Description, RefusalText.Of("IdentityPasswordRequiresUpper"));
        Assert.Equal(identity.DuplicateEmail("a@b.c").Description, RefusalText.Of("IdentityDuplicateEmail", "a@b.c"));
        Assert.Equal(identity.InvalidUserName("x y").Description, RefusalText.Of("IdentityInvalidUserName", "x y"));
    }
}
