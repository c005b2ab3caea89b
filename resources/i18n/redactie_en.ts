<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Over Redactie</source>
        <translation>About Redactie</translation>
    </message>
    <message>
        <source>Een editor voor de documenten van een documentatiesite in git.</source>
        <translation>An editor for the documents of a documentation site in git.</translation>
    </message>
    <message>
        <source>Broncode: %1</source>
        <translation>Source code: %1</translation>
    </message>
    <message>
        <source>Licenties</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>zie de licentietekst</source>
        <translation>see the licence text</translation>
    </message>
    <message>
        <source>De Qt-bibliotheken zijn losse bestanden, die u door een andere versie kunt vervangen (LGPL-3.0).</source>
        <translation>The Qt libraries are separate files, which you can replace with another version (LGPL-3.0).</translation>
    </message>
    <message>
        <source>De licentieteksten staan in %1.</source>
        <translation>The licence texts are in %1.</translation>
    </message>
    <message>
        <source>Redactie draait hier vanuit de broncode: de licentieteksten staan bij de geïnstalleerde onderdelen zelf (de links hierboven). Een gebouwde app verzamelt ze in één map.</source>
        <translation>Redactie is running from its source code here: the licence texts are with the installed components themselves (the links above). A built app collects them in one folder.</translation>
    </message>
    <message>
        <source>Er is een nieuwere versie: %1</source>
        <translation>A newer version is available: %1</translation>
    </message>
    <message numerus="yes">
        <source>en %n meer in %1</source>
        <translation>
            <numerusform>and %n more in %1</numerusform>
            <numerusform>and %n more in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AskPass</name>
    <message>
        <source>Aanmelden bij de gedeelde documenten</source>
        <translation>Sign in to the shared documents</translation>
    </message>
    <message>
        <source>Git vraagt: %1</source>
        <translation>Git asks: %1</translation>
    </message>
    <message>
        <source>Aanmelden</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Uw gegevens gaan alleen naar git, voor de gedeelde documenten; Redactie bewaart ze niet</source>
        <translation>Your details go only to git, for the shared documents; Redactie does not keep them</translation>
    </message>
</context>
<context>
    <name>AuthorDialog</name>
    <message>
        <source>Uw naam en e-mailadres</source>
        <translation>Your name and e-mail address</translation>
    </message>
    <message>
        <source>Bij elke vastgelegde wijziging wordt bewaard wie die maakte. Dit wordt in deze repository opgeslagen en niet opnieuw gevraagd.</source>
        <translation>Every committed change records who made it. This is stored in this repository and not asked again.</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Naam van de auteur</source>
        <translation>Author name</translation>
    </message>
    <message>
        <source>Uw naam zoals collega&apos;s die zien bij uw wijzigingen</source>
        <translation>Your name as colleagues see it with your changes</translation>
    </message>
    <message>
        <source>E-mailadres</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <source>E-mailadres van de auteur</source>
        <translation>Author e-mail address</translation>
    </message>
    <message>
        <source>Het e-mailadres waarmee u bij de gedeelde documenten bekend bent</source>
        <translation>The e-mail address by which the shared documents know you</translation>
    </message>
</context>
<context>
    <name>BranchDialog</name>
    <message>
        <source>Werk in een eigen versie</source>
        <translation>Work in a version of your own</translation>
    </message>
    <message>
        <source>Een eigen versie houdt uw wijzigingen apart tot ze zijn nagekeken. Beschrijf in een paar woorden waar u aan werkt.</source>
        <translation>A version of your own keeps your changes apart until they have been reviewed. Describe in a few words what you are working on.</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Omschrijving van de eigen versie</source>
        <translation>Description of your own version</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: levenscyclus aia-18 aanpassen</source>
        <translation>For example: adjust lifecycle of aia-18</translation>
    </message>
    <message>
        <source>Naam van de eigen versie</source>
        <translation>Name of your own version</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>Bulkwijziging ongedaan maken…</source>
        <translation>Undoing bulk change…</translation>
    </message>
    <message>
        <source>Er is geen bulkwijziging om ongedaan te maken</source>
        <translation>There is no bulk change to undo</translation>
    </message>
    <message>
        <source>Ongedaan gemaakt: %1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <source>Niet ongedaan gemaakt</source>
        <translation>Not undone</translation>
    </message>
    <message>
        <source>Waarde &amp;hernoemen of samenvoegen…</source>
        <translation>&amp;Rename or merge a value…</translation>
    </message>
    <message>
        <source>Hernoem een waarde van een keuzeveld in alle documenten, of voeg haar samen met een andere</source>
        <translation>Rename a value of a choice field in every document, or merge it into another</translation>
    </message>
    <message>
        <source>Waarde &amp;uitfaseren…</source>
        <translation>Re&amp;tire a value…</translation>
    </message>
    <message>
        <source>Toon elk document met een waarde en kies per document een vervanging of verwijdering</source>
        <translation>Show every document with a value and choose a replacement or removal per document</translation>
    </message>
    <message>
        <source>Selectie &amp;labelen…</source>
        <translation>&amp;Label the selection…</translation>
    </message>
    <message>
        <source>Voeg een waarde toe aan of haal haar weg uit alle geselecteerde documenten</source>
        <translation>Add a value to, or take it out of, every selected document</translation>
    </message>
    <message>
        <source>&amp;Zoeken en vervangen…</source>
        <translation>&amp;Find and replace…</translation>
    </message>
    <message>
        <source>Zoek en vervang tekst in de secties en tekstvelden van alle of de geselecteerde documenten</source>
        <translation>Find and replace text in the sections and text fields of all or the selected documents</translation>
    </message>
    <message>
        <source>Laatste bulkwijziging &amp;ongedaan maken</source>
        <translation>&amp;Undo the last bulk change</translation>
    </message>
    <message>
        <source>Zet alle bestanden van de laatste bulkwijziging terug zoals ze waren (alleen voor het vastleggen)</source>
        <translation>Put every file of the last bulk change back as it was (only before committing)</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>Plan maken</source>
        <translation>Make plan</translation>
    </message>
    <message>
        <source>Zoek uit welke bestanden en regels er veranderen; er wordt nog niets opgeslagen</source>
        <translation>Find out which files and lines will change; nothing is saved yet</translation>
    </message>
    <message>
        <source>Bestand en regel</source>
        <translation>File and line</translation>
    </message>
    <message>
        <source>Nu</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Wordt</source>
        <translation>Becomes</translation>
    </message>
    <message>
        <source>Plan van de wijziging</source>
        <translation>Plan of the change</translation>
    </message>
    <message>
        <source>Elk bestand en elke regel die verandert; pas na &apos;Uitvoeren&apos; wordt er iets opgeslagen</source>
        <translation>Every file and every line that changes; nothing is saved until &apos;Apply&apos;</translation>
    </message>
    <message>
        <source>Toestand van de bulkwijziging</source>
        <translation>State of the bulk change</translation>
    </message>
    <message>
        <source>Voortgang</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Uitvoeren</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Voer het plan uit zoals het hierboven staat; u kunt het voor het vastleggen als geheel ongedaan maken</source>
        <translation>Carry out the plan as shown above; until you commit you can undo it as a whole</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop het zoeken, of sluit zonder iets te veranderen</source>
        <translation>Stop the search, or close without changing anything</translation>
    </message>
    <message>
        <source>Plan wordt gemaakt…</source>
        <translation>Making the plan…</translation>
    </message>
    <message>
        <source>Plan maken…</source>
        <translation>Making plan…</translation>
    </message>
    <message>
        <source>wordt verwijderd (samengevoegd)</source>
        <translation>is removed (merged)</translation>
    </message>
    <message>
        <source>regel %1</source>
        <translation>line %1</translation>
    </message>
    <message>
        <source>(weg)</source>
        <translation>(removed)</translation>
    </message>
    <message>
        <source>Niets te doen: geen document verandert.</source>
        <translation>Nothing to do: no document changes.</translation>
    </message>
    <message numerus="yes">
        <source>%n bestanden veranderen: %2. Controleer het plan en kies Uitvoeren.</source>
        <translation>
            <numerusform>%n file changes: %2. Check the plan and choose Apply.</numerusform>
            <numerusform>%n files change: %2. Check the plan and choose Apply.</numerusform>
        </translation>
    </message>
    <message>
        <source>bestanden schrijven</source>
        <translation>writing files</translation>
    </message>
    <message>
        <source>Bulkwijziging uitvoeren…</source>
        <translation>Applying bulk change…</translation>
    </message>
    <message>
        <source>Klaar: %1. Bekijk het bij Wijzigingen bekijken; tot het vastleggen zet Bewerken ▸ Meerdere documenten ▸ Laatste bulkwijziging ongedaan maken alles terug.</source>
        <translation>Done: %1. See it in Review changes; until you commit, Edit ▸ Multiple documents ▸ Undo the last bulk change puts everything back.</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Geannuleerd; er is niets veranderd.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>CellDelegate</name>
    <message>
        <source>Celtekst</source>
        <translation>Cell text</translation>
    </message>
    <message>
        <source>Enter: klaar; Shift+Enter: nieuwe regel in de cel (op de website een regelafbreking)</source>
        <translation>Enter: done; Shift+Enter: new line in the cell (a line break on the website)</translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <source>Voorgestelde waarde gebruiken</source>
        <translation>Use the suggested value</translation>
    </message>
    <message>
        <source>(geen keuze)</source>
        <translation>(no choice)</translation>
    </message>
    <message>
        <source>%1 (niet toegestaan)</source>
        <translation>%1 (not allowed)</translation>
    </message>
    <message>
        <source>Vervangen door &apos;%1&apos;</source>
        <translation>Replace with &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>CloneDialog</name>
    <message>
        <source>Gedeelde documenten ophalen</source>
        <translation>Get shared documents</translation>
    </message>
    <message>
        <source>Adres van de gedeelde documenten</source>
        <translation>Address of the shared documents</translation>
    </message>
    <message>
        <source>Het adres van de gedeelde documenten, bijvoorbeeld https://github.com/organisatie/inhoud.git</source>
        <translation>The address of the shared documents, for example https://github.com/organisatie/inhoud.git</translation>
    </message>
    <message>
        <source>Map voor de kopie</source>
        <translation>Folder for the copy</translation>
    </message>
    <message>
        <source>Een nieuwe of lege map waarin de kopie komt</source>
        <translation>A new or empty folder to hold the copy</translation>
    </message>
    <message>
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Map kiezen</source>
        <translation>Choose folder</translation>
    </message>
    <message>
        <source>Voortgang van het klonen</source>
        <translation>Clone progress</translation>
    </message>
    <message>
        <source>Klonen</source>
        <translation>Clone</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Vul een adres en een map in.</source>
        <translation>Fill in an address and a folder.</translation>
    </message>
    <message>
        <source>Bezig met klonen…</source>
        <translation>Cloning…</translation>
    </message>
    <message>
        <source>Klonen…</source>
        <translation>Cloning…</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflicten oplossen</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <source>Bestanden met een conflict</source>
        <translation>Files with a conflict</translation>
    </message>
    <message>
        <source>Kies een bestand en daarna hoe het conflict wordt opgelost</source>
        <translation>Choose a file, then how its conflict is resolved</translation>
    </message>
    <message>
        <source>Mijn versie houden</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Gebruik uw eigen versie van dit bestand; de andere wijziging vervalt</source>
        <translation>Use your own version of this file; the other change is dropped</translation>
    </message>
    <message>
        <source>Hun versie nemen</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>Gebruik de versie van de ander; uw wijziging in dit bestand vervalt</source>
        <translation>Use the other person&apos;s version; your change to this file is dropped</translation>
    </message>
    <message>
        <source>Als tekst openen</source>
        <translation>Open as text</translation>
    </message>
    <message>
        <source>Open het bestand als tekst om beide wijzigingen zelf samen te voegen</source>
        <translation>Open the file as text to combine both changes yourself</translation>
    </message>
    <message>
        <source>Opgelost</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Markeer het als tekst herstelde bestand als opgelost</source>
        <translation>Mark the file you repaired as text as resolved</translation>
    </message>
    <message>
        <source>Afronden</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Rond het synchroniseren af als alle conflicten zijn opgelost</source>
        <translation>Finish synchronising once every conflict is resolved</translation>
    </message>
    <message>
        <source>Afbreken</source>
        <translation>Abort</translation>
    </message>
    <message>
        <source>Synchroniseren afbreken</source>
        <translation>Abort synchronising</translation>
    </message>
    <message>
        <source>Zet alles terug zoals het was voor het synchroniseren; er gaat niets verloren</source>
        <translation>Put everything back as it was before synchronising; nothing is lost</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ConflictParts</name>
    <message>
        <source>Velden en secties met een conflict</source>
        <translation>Fields and sections with a conflict</translation>
    </message>
    <message>
        <source>Keuzes opslaan</source>
        <translation>Save choices</translation>
    </message>
    <message>
        <source>Schrijf het document met uw keuzes; alle andere velden en secties zijn al samengevoegd</source>
        <translation>Write the document with your choices; all other fields and sections are already merged</translation>
    </message>
    <message>
        <source>Dit bestand kan niet per veld worden samengevoegd. Kies hieronder welke versie u houdt, of open het als tekst.</source>
        <translation>This file cannot be merged per field. Choose below which version to keep, or open it as text.</translation>
    </message>
    <message>
        <source>Alle andere wijzigingen zijn samengevoegd. Alleen hieronder hebben u en de ander hetzelfde onderdeel verschillend gewijzigd: kies per onderdeel.</source>
        <translation>All other changes have been merged. Only below did you and the other person change the same part differently: choose per part.</translation>
    </message>
    <message>
        <source>U en de ander hebben verschillende velden of secties gewijzigd; die zijn samengevoegd. Sla het resultaat op met Keuzes opslaan.</source>
        <translation>You and the other person changed different fields or sections; they have been merged. Save the result with Save choices.</translation>
    </message>
    <message>
        <source>begin of einde van de metadata</source>
        <translation>beginning or end of the metadata</translation>
    </message>
    <message>
        <source>tekst vóór de eerste sectie</source>
        <translation>text before the first section</translation>
    </message>
    <message>
        <source>kop %1</source>
        <translation>heading %1</translation>
    </message>
    <message>
        <source>Veld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Sectie</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Tekst</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Conflict in %1</source>
        <translation>Conflict in %1</translation>
    </message>
    <message>
        <source>(niet aanwezig)</source>
        <translation>(not present)</translation>
    </message>
    <message>
        <source>Oorspronkelijk</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Mijn versie</source>
        <translation>My version</translation>
    </message>
    <message>
        <source>Hun versie</source>
        <translation>Their version</translation>
    </message>
    <message>
        <source>De waarde van %1 in deze versie</source>
        <translation>The value of %1 in this version</translation>
    </message>
    <message>
        <source>Keuze voor %1</source>
        <translation>Choice for %1</translation>
    </message>
    <message>
        <source>Welke versie van %1 het document krijgt</source>
        <translation>Which version of %1 the document gets</translation>
    </message>
    <message>
        <source>Kies een versie…</source>
        <translation>Choose a version…</translation>
    </message>
    <message>
        <source>Keuze</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>Resultaat voor %1</source>
        <translation>Result for %1</translation>
    </message>
    <message>
        <source>De waarde die het document krijgt; u kunt haar aanpassen</source>
        <translation>The value the document gets; you can adjust it</translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <source>Verschil</source>
        <translation>Difference</translation>
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Weergave van het document</source>
        <translation>Document view</translation>
    </message>
    <message>
        <source>Formulier</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Tekst</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>De gegevens en secties van het document als formulier</source>
        <translation>The document&apos;s data and sections as a form</translation>
    </message>
    <message>
        <source>Het hele bestand als tekst, voor gevorderden en om fouten te herstellen</source>
        <translation>The whole file as text, for advanced users and to repair errors</translation>
    </message>
    <message>
        <source>Er is niet-opgeslagen werk aan dit document gevonden van %1.</source>
        <translation>Unsaved work on this document from %1 was found.</translation>
    </message>
    <message>
        <source>Het bestand is sindsdien ook buiten Redactie gewijzigd; herstellen vervangt die wijziging (u ziet het verschil bij Wijzigingen bekijken).</source>
        <translation>The file has also been changed outside Redactie since then; restoring replaces that change (Review changes shows the difference).</translation>
    </message>
    <message>
        <source>Herstellen</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Zet het niet-opgeslagen werk terug in het document</source>
        <translation>Put the unsaved work back into the document</translation>
    </message>
    <message>
        <source>Weggooien</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Gooi het niet-opgeslagen werk weg</source>
        <translation>Throw the unsaved work away</translation>
    </message>
    <message>
        <source>Niet-opgeslagen werk herstellen</source>
        <translation>Restore unsaved work</translation>
    </message>
    <message>
        <source>De schijf is vol.</source>
        <translation>The disk is full.</translation>
    </message>
    <message>
        <source>Het bestand of de map is alleen-lezen, of u heeft er geen schrijfrechten.</source>
        <translation>The file or folder is read-only, or you may not write to it.</translation>
    </message>
    <message>
        <source>Het besturingssysteem meldt: %1</source>
        <translation>The operating system says: %1</translation>
    </message>
    <message>
        <source>Uw wijzigingen zijn niet verloren: ze staan nog in het venster en worden als concept bewaard.</source>
        <translation>Your changes are not lost: they are still in the window and kept as a draft.</translation>
    </message>
    <message>
        <source>Het document kon niet worden opgeslagen.</source>
        <translation>The document could not be saved.</translation>
    </message>
    <message>
        <source>Opslaan als…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Sla uw versie op een andere plek op</source>
        <translation>Save your version somewhere else</translation>
    </message>
    <message>
        <source>Opnieuw proberen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Probeer nog eens op te slaan</source>
        <translation>Try saving once more</translation>
    </message>
    <message>
        <source>Het bestand is door een ander programma verwijderd of verplaatst. Er is niets opgeslagen.</source>
        <translation>Another program deleted or moved the file. Nothing was saved.</translation>
    </message>
    <message>
        <source>Opnieuw aanmaken</source>
        <translation>Create again</translation>
    </message>
    <message>
        <source>Sla het document op onder de oude naam</source>
        <translation>Save the document under its old name</translation>
    </message>
    <message>
        <source>Opslaan als</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Markdown-bestanden (*.md);;Alle bestanden (*)</source>
        <translation>Markdown files (*.md);;All files (*)</translation>
    </message>
    <message>
        <source>Het bestand is door een ander programma gewijzigd en opnieuw geladen.</source>
        <translation>The file was changed by another program and has been reloaded.</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Melding sluiten</source>
        <translation>Close message</translation>
    </message>
    <message>
        <source>Het bestand is door een ander programma gewijzigd terwijl u het bewerkte. Er is niets overschreven.</source>
        <translation>The file was changed by another program while you were editing it. Nothing was overwritten.</translation>
    </message>
    <message>
        <source>Opnieuw laden</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Laad het bestand zoals het nu is; uw niet-opgeslagen wijzigingen vervallen</source>
        <translation>Load the file as it is now; your unsaved changes are dropped</translation>
    </message>
    <message>
        <source>Mijn versie houden</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Houd uw versie; bij opslaan vervangt die de andere wijziging</source>
        <translation>Keep your version; saving replaces the other change</translation>
    </message>
    <message>
        <source>Verschil bekijken</source>
        <translation>Show difference</translation>
    </message>
    <message>
        <source>Toon het verschil tussen het bestand en uw versie</source>
        <translation>Show the difference between the file and your version</translation>
    </message>
    <message>
        <source>Het bestand op schijf en uw versie</source>
        <translation>The file on disk and your version</translation>
    </message>
    <message>
        <source>Begrepen</source>
        <translation>Understood</translation>
    </message>
    <message>
        <source>Deze melding sluiten</source>
        <translation>Close this message</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>Zoek op titel, code of label</source>
        <translation>Search by title, code or label</translation>
    </message>
    <message>
        <source>Documenten filteren</source>
        <translation>Filter documents</translation>
    </message>
    <message>
        <source>Toon alleen documenten waarvan de titel, code of labels deze tekst bevatten</source>
        <translation>Show only documents whose title, code or labels contain this text</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Wijziging</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Of het document nieuw of gewijzigd is sinds de laatst vastgelegde versie, of fouten bevat</source>
        <translation>Whether the document is new or changed since the last recorded version, or has errors</translation>
    </message>
    <message>
        <source>Documentenlijst</source>
        <translation>Document list</translation>
    </message>
    <message>
        <source>Alle documenten, per soort; dubbelklik of Enter om te openen</source>
        <translation>All documents, by type; double-click or press Enter to open</translation>
    </message>
    <message>
        <source>Alle getoonde selecteren</source>
        <translation>Select all shown</translation>
    </message>
    <message>
        <source>Selecteer alle documenten die het filter nu toont, om ze samen te labelen of erin te zoeken en te vervangen</source>
        <translation>Select every document the filter shows now, to label them together or find and replace in them</translation>
    </message>
    <message>
        <source>Documenten inlezen…</source>
        <translation>Reading documents…</translation>
    </message>
    <message>
        <source>nieuw</source>
        <translation>new</translation>
    </message>
    <message>
        <source>gewijzigd</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>hernoemd</source>
        <translation>renamed</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>verwijderd</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>Bevat fouten</source>
        <translation>Has errors</translation>
    </message>
    <message>
        <source>Bevat waarschuwingen</source>
        <translation>Has warnings</translation>
    </message>
    <message>
        <source>niet opgeslagen werk</source>
        <translation>unsaved work</translation>
    </message>
    <message>
        <source>niet te openen</source>
        <translation>cannot be opened</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>Fouten buiten de getoonde velden</source>
        <translation>Errors outside the fields shown</translation>
    </message>
    <message>
        <source>Fouten in velden die het formulier niet toont; los ze op in het tabblad Tekst</source>
        <translation>Errors in fields the form does not show; fix them in the Text tab</translation>
    </message>
    <message>
        <source>Overige velden</source>
        <translation>Other fields</translation>
    </message>
    <message>
        <source>Velden die het schema niet kent; ze blijven ongewijzigd bewaard</source>
        <translation>Fields the schema does not know; they are kept unchanged</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <source>Formulier</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Sectie %1</source>
        <translation>Section %1</translation>
    </message>
    <message>
        <source>Tekst van de sectie &apos;%1&apos; (Markdown)</source>
        <translation>Text of the section &apos;%1&apos; (Markdown)</translation>
    </message>
    <message>
        <source>%1 (alleen lezen)</source>
        <translation>%1 (read-only)</translation>
    </message>
    <message>
        <source>Deze sectie wordt door de website zelf gevuld en blijft ongewijzigd</source>
        <translation>The website fills this section itself; it stays unchanged</translation>
    </message>
    <message>
        <source>Deze sectie hoort niet bij dit soort document; Redactie laat haar ongewijzigd. Vraag de beheerder als zij bewerkt moet kunnen worden.</source>
        <translation>This section is not part of this kind of document; Redactie leaves it unchanged. Ask your administrator if it should be editable.</translation>
    </message>
    <message>
        <source>%1 wijzigen</source>
        <translation>Change %1</translation>
    </message>
    <message>
        <source>Deze waarde kan niet worden opgeslagen zonder ook iets anders in het bestand te veranderen; de wijziging is niet overgenomen.</source>
        <translation>This value cannot be saved without also changing something else in the file; the change was not applied.</translation>
    </message>
    <message>
        <source>Sectie %1 bewerken</source>
        <translation>Edit section %1</translation>
    </message>
    <message>
        <source>Een kop van niveau 1 of 2 kan niet binnen een sectie staan; deze wijziging is nog niet overgenomen.</source>
        <translation>A level 1 or 2 heading cannot be inside a section; this change has not been applied yet.</translation>
    </message>
</context>
<context>
    <name>FormatCommands</name>
    <message>
        <source>Vet</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>Maak de geselecteerde tekst vet (Markdown **tekst**); nog eens haalt het vet weg</source>
        <translation>Make the selected text bold (Markdown **text**); again removes the bold</translation>
    </message>
    <message>
        <source>Cursief</source>
        <translation>Italic</translation>
    </message>
    <message>
        <source>Maak de geselecteerde tekst cursief (Markdown *tekst*); nog eens haalt het cursief weg</source>
        <translation>Make the selected text italic (Markdown *text*); again removes the italics</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Maak van de geselecteerde tekst een link; typ daarna het webadres</source>
        <translation>Make the selected text a link; then type the web address</translation>
    </message>
    <message>
        <source>Link naar document</source>
        <translation>Link to document</translation>
    </message>
    <message>
        <source>Kies een vereiste, maatregel of ander document op titel of code en maak van de geselecteerde tekst een link ernaartoe</source>
        <translation>Choose a requirement, measure or other document by title or code and make the selected text a link to it</translation>
    </message>
    <message>
        <source>Opsomming</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>Begin elke geselecteerde regel met een opsommingsteken; nog eens haalt ze weg</source>
        <translation>Start each selected line with a bullet; again removes them</translation>
    </message>
    <message>
        <source>Genummerde lijst</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <source>Nummer de geselecteerde regels 1, 2, 3 …; nog eens haalt de nummers weg</source>
        <translation>Number the selected lines 1, 2, 3 …; again removes the numbers</translation>
    </message>
    <message>
        <source>Citaat</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Maak van de geselecteerde regels een citaat; nog eens maakt er weer gewone tekst van</source>
        <translation>Make the selected lines a quote; again makes them plain text</translation>
    </message>
    <message>
        <source>Kader &apos;%1&apos;</source>
        <translation>Box &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Zet de geselecteerde regels in een kader &apos;%1&apos; zoals de website dat toont</source>
        <translation>Put the selected lines in a &apos;%1&apos; box as the website shows it</translation>
    </message>
    <message>
        <source>Kader</source>
        <translation>Box</translation>
    </message>
    <message>
        <source>Zet de geselecteerde regels in een kader zoals de website dat toont: Voorbeeld, Let op, Tip …</source>
        <translation>Put the selected lines in a box as the website shows it: Example, Warning, Tip …</translation>
    </message>
</context>
<context>
    <name>FormatToolBar</name>
    <message>
        <source>Opmaak</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Opmaak voor de sectie waarin u typt</source>
        <translation>Formatting for the section you are typing in</translation>
    </message>
</context>
<context>
    <name>GitStatus</name>
    <message>
        <source>Versie en synchronisatie</source>
        <translation>Version and synchronisation</translation>
    </message>
    <message>
        <source>Geen versiebeheer</source>
        <translation>No version control</translation>
    </message>
    <message>
        <source>Versie: %1</source>
        <translation>Version: %1</translation>
    </message>
    <message>
        <source>losse versie</source>
        <translation>detached version</translation>
    </message>
    <message>
        <source>%1 nog te delen</source>
        <translation>%1 to share</translation>
    </message>
    <message>
        <source>%1 nieuw bij anderen</source>
        <translation>%1 new from others</translation>
    </message>
    <message>
        <source>alleen op deze computer</source>
        <translation>only on this computer</translation>
    </message>
    <message>
        <source>Vergrendeling verwijderen</source>
        <translation>Remove lock</translation>
    </message>
    <message>
        <source>Alleen doen als geen ander git-programma meer bezig is</source>
        <translation>Only do this when no other git program is still working</translation>
    </message>
    <message>
        <source>Opnieuw kijken</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Controleer opnieuw</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Eerste versie vastleggen</source>
        <translation>Commit the first version</translation>
    </message>
    <message>
        <source>Bekijk de bestanden en leg ze vast</source>
        <translation>Review the files and commit them</translation>
    </message>
    <message>
        <source>Eigen versie maken</source>
        <translation>Make a version of your own</translation>
    </message>
    <message>
        <source>Maak een werkversie van deze stand</source>
        <translation>Make a working version from this state</translation>
    </message>
    <message>
        <source>Terug naar de hoofdversie</source>
        <translation>Back to the main version</translation>
    </message>
    <message>
        <source>Wissel naar main</source>
        <translation>Switch to main</translation>
    </message>
    <message>
        <source>Afronden</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Rond het synchroniseren af nu alle conflicten zijn opgelost</source>
        <translation>Finish synchronising now that every conflict is resolved</translation>
    </message>
    <message>
        <source>Conflicten oplossen</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <source>Kies per bestand welke versie blijft</source>
        <translation>Choose for each file which version stays</translation>
    </message>
    <message>
        <source>Afbreken</source>
        <translation>Abort</translation>
    </message>
    <message>
        <source>Terug naar de toestand van voor het synchroniseren</source>
        <translation>Back to the state before synchronising</translation>
    </message>
</context>
<context>
    <name>GroupBar</name>
    <message>
        <source>Bulkwijziging</source>
        <translation>Bulk change</translation>
    </message>
    <message>
        <source>Ongedaan maken</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Bulkwijziging ongedaan maken</source>
        <translation>Undo bulk change</translation>
    </message>
    <message>
        <source>Zet alle bestanden van deze bulkwijziging terug zoals ze waren; kan alleen zolang ze niet is vastgelegd</source>
        <translation>Put every file of this bulk change back as it was; possible only until it is committed</translation>
    </message>
    <message numerus="yes">
        <source>%n bestanden</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Eén bulkwijziging: vink aan of uit om al haar bestanden samen vast te leggen of niet</source>
        <translation>One bulk change: tick or untick it to commit all its files together, or not</translation>
    </message>
    <message>
        <source>Bulkwijziging: %1</source>
        <translation>Bulk change: %1</translation>
    </message>
    <message>
        <source>met de hand gewijzigd daarna: %1</source>
        <translation>edited by hand since: %1</translation>
    </message>
    <message>
        <source>Deze bestanden zijn samen in één bulkwijziging veranderd. Met &apos;Ongedaan maken&apos; zet u ze allemaal terug.</source>
        <translation>These files were changed together in one bulk change. &apos;Undo&apos; puts them all back.</translation>
    </message>
    <message>
        <source>%1 hernoemd naar %2</source>
        <translation>%1 renamed to %2</translation>
    </message>
    <message>
        <source>daarna met de hand gewijzigd</source>
        <translation>edited by hand since</translation>
    </message>
    <message>
        <source>Bulkwijziging ongedaan maken?</source>
        <translation>Undo bulk change?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; ongedaan maken? Alle %2 worden teruggezet zoals ze waren (hernoemde bestanden krijgen hun oude naam terug).</source>
        <translation>Undo &apos;%1&apos;? All %2 are put back as they were (renamed files get their old name back).</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Hoe werkt Redactie?</source>
        <translation>How does Redactie work?</translation>
    </message>
    <message>
        <source>Uitleg</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>Hoe u met Redactie documenten bewerkt, vastlegt en deelt</source>
        <translation>How to edit, commit and share documents with Redactie</translation>
    </message>
    <message>
        <source>De uitleg ontbreekt in deze installatie.</source>
        <translation>The guide is missing from this installation.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Open een document om zijn geschiedenis te zien.</source>
        <translation>Open a document to see its history.</translation>
    </message>
    <message>
        <source>Versies van het document</source>
        <translation>Versions of the document</translation>
    </message>
    <message>
        <source>Elke keer dat dit document is vastgelegd: datum, auteur, bericht en wat er veranderde. Kies een versie om haar te bekijken</source>
        <translation>Every time this document was committed: date, author, message and what changed. Choose a version to view it</translation>
    </message>
    <message>
        <source>Gekozen versie</source>
        <translation>Chosen version</translation>
    </message>
    <message>
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Het document zoals het in deze versie was (alleen lezen)</source>
        <translation>The document as it was in this version (read-only)</translation>
    </message>
    <message>
        <source>Vergelijking met nu</source>
        <translation>Comparison with now</translation>
    </message>
    <message>
        <source>Wat er sindsdien is veranderd, per veld en per sectie, met de gewijzigde woorden gemarkeerd</source>
        <translation>What has changed since, per field and per section, with the changed words marked</translation>
    </message>
    <message>
        <source>Versie als formulier</source>
        <translation>Version as a form</translation>
    </message>
    <message>
        <source>De velden en secties van deze versie, zoals in het formulier (alleen lezen)</source>
        <translation>The fields and sections of this version, as in the form (read-only)</translation>
    </message>
    <message>
        <source>Formulier</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Voorbeeld</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Deze versie zoals de website haar ongeveer toont</source>
        <translation>This version roughly as the website shows it</translation>
    </message>
    <message>
        <source>Oudere versies laden</source>
        <translation>Load older versions</translation>
    </message>
    <message>
        <source>Haal de volgende %1 oudere versies op</source>
        <translation>Fetch the next %1 older versions</translation>
    </message>
    <message>
        <source>Onderdeel om te herstellen</source>
        <translation>Part to restore</translation>
    </message>
    <message>
        <source>Het veld of de sectie die u uit de gekozen versie wilt terughalen</source>
        <translation>The field or section you want to bring back from the chosen version</translation>
    </message>
    <message>
        <source>Herstel dit onderdeel</source>
        <translation>Restore this part</translation>
    </message>
    <message>
        <source>Herstel dit veld of deze sectie</source>
        <translation>Restore this field or section</translation>
    </message>
    <message>
        <source>Zet dit veld of deze sectie terug zoals het in de gekozen versie was. Dat is een gewone wijziging: u kunt haar ongedaan maken en ze wordt pas vastgelegd na het bekijken van de wijzigingen</source>
        <translation>Put this field or section back as it was in the chosen version. That is an ordinary change: you can undo it, and it is only committed after reviewing the changes</translation>
    </message>
    <message>
        <source>Herstel dit document</source>
        <translation>Restore this document</translation>
    </message>
    <message>
        <source>Zet het hele document terug zoals het in de gekozen versie was; u kunt dit ongedaan maken en er wordt niets vastgelegd</source>
        <translation>Put the whole document back as it was in the chosen version; you can undo this and nothing is committed</translation>
    </message>
    <message>
        <source>Deze map wordt niet met git bijgehouden; er is geen geschiedenis.</source>
        <translation>This folder is not tracked with git; there is no history.</translation>
    </message>
    <message>
        <source>Geschiedenis laden…</source>
        <translation>Loading history…</translation>
    </message>
    <message>
        <source>De geschiedenis kon niet worden gelezen: %1</source>
        <translation>The history could not be read: %1</translation>
    </message>
    <message>
        <source>geen zichtbare wijziging</source>
        <translation>no visible change</translation>
    </message>
    <message numerus="yes">
        <source>%n versies</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message>
        <source>Dit document is nog nooit vastgelegd.</source>
        <translation>This document has never been committed.</translation>
    </message>
    <message>
        <source>Gelijk aan de huidige tekst.</source>
        <translation>Same as the current text.</translation>
    </message>
    <message>
        <source>Veld: %1</source>
        <translation>Field: %1</translation>
    </message>
    <message>
        <source>Sectie: %1</source>
        <translation>Section: %1</translation>
    </message>
    <message>
        <source>Herstellen: %1</source>
        <translation>Restore: %1</translation>
    </message>
    <message>
        <source>Herstellen lukte niet zonder iets anders te veranderen: %1</source>
        <translation>Restoring was not possible without changing something else: %1</translation>
    </message>
    <message>
        <source>Hersteld: %1. U kunt dit ongedaan maken; het wordt vastgelegd bij de volgende keer wijzigingen vastleggen.</source>
        <translation>Restored: %1. You can undo this; it is committed the next time you commit changes.</translation>
    </message>
    <message>
        <source>Document herstellen</source>
        <translation>Restore document</translation>
    </message>
    <message>
        <source>Het document is hersteld naar de gekozen versie. U kunt dit ongedaan maken.</source>
        <translation>The document has been restored to the chosen version. You can undo this.</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message numerus="yes">
        <source>Label %n documenten</source>
        <translation>
            <numerusform>Label %n document</numerusform>
            <numerusform>Label %n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>Handeling</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Een waarde toevoegen aan of weghalen uit een lijst, of een enkelvoudige keuze instellen</source>
        <translation>Add a value to a list or take it out, or set a single choice</translation>
    </message>
    <message>
        <source>toevoegen</source>
        <translation>add</translation>
    </message>
    <message>
        <source>verwijderen</source>
        <translation>remove</translation>
    </message>
    <message>
        <source>instellen (één keuze)</source>
        <translation>set (single choice)</translation>
    </message>
    <message>
        <source>Waarde</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>De waarde uit de woordenlijst van dit veld</source>
        <translation>The value from this field&apos;s vocabulary</translation>
    </message>
    <message>
        <source>Selecteer eerst documenten in de lijst.</source>
        <translation>Select documents in the list first.</translation>
    </message>
    <message>
        <source>Kies een waarde.</source>
        <translation>Choose a value.</translation>
    </message>
</context>
<context>
    <name>LinkPicker</name>
    <message>
        <source>Link naar document</source>
        <translation>Link to document</translation>
    </message>
    <message>
        <source>Typ een deel van de titel of de code van het document waarnaar u wilt linken.</source>
        <translation>Type part of the title or the code of the document you want to link to.</translation>
    </message>
    <message>
        <source>Zoek document</source>
        <translation>Find document</translation>
    </message>
    <message>
        <source>Woorden uit de titel, de code (zoals aia-01) of de bestandsnaam; pijltjes omlaag en omhoog kiezen, Enter maakt de link</source>
        <translation>Words from the title, the code (such as aia-01) or the file name; the up and down arrows choose, Enter makes the link</translation>
    </message>
    <message>
        <source>Titel of code…</source>
        <translation>Title or code…</translation>
    </message>
    <message>
        <source>Documenten om naar te linken</source>
        <translation>Documents to link to</translation>
    </message>
    <message>
        <source>De documenten die passen bij wat u typte; dubbelklik of Enter maakt de link</source>
        <translation>The documents matching what you typed; double-click or Enter makes the link</translation>
    </message>
    <message>
        <source>Link invoegen</source>
        <translation>Insert link</translation>
    </message>
    <message>
        <source>Zet de link naar het gekozen document in de tekst</source>
        <translation>Put the link to the chosen document in the text</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sluit zonder een link te maken</source>
        <translation>Close without making a link</translation>
    </message>
    <message>
        <source>Gevonden: %1</source>
        <translation>Found: %1</translation>
    </message>
</context>
<context>
    <name>ListField</name>
    <message>
        <source>Eén waarde per regel</source>
        <translation>One value per line</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Bezig</source>
        <translation>Busy</translation>
    </message>
    <message>
        <source>Schema opslaan als startpunt</source>
        <translation>Save schema as a starting point</translation>
    </message>
    <message>
        <source>Schema in gebruik</source>
        <translation>Schema in use</translation>
    </message>
    <message>
        <source>Volgens welk schema de documenten worden gecontroleerd; kies een ander in Instellingen</source>
        <translation>The schema the documents are checked against; choose another one in Settings</translation>
    </message>
    <message>
        <source>Schemaprobleem…</source>
        <translation>Schema problem…</translation>
    </message>
    <message>
        <source>Schemaprobleem tonen</source>
        <translation>Show the schema problem</translation>
    </message>
    <message>
        <source>Het schemabestand van deze documenten is onbruikbaar: toon wat er mis is en hoe u verder kunt</source>
        <translation>The schema file of these documents is unusable: show what is wrong and how to go on</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Nieuw document…</source>
        <translation>&amp;New document…</translation>
    </message>
    <message>
        <source>Maak een nieuw document op basis van het sjabloon</source>
        <translation>Create a new document from the template</translation>
    </message>
    <message>
        <source>Open een map met documenten</source>
        <translation>Open a folder of documents</translation>
    </message>
    <message>
        <source>Map met documenten &amp;openen…</source>
        <translation>&amp;Open a folder of documents…</translation>
    </message>
    <message>
        <source>Gedeelde documenten op&amp;halen…</source>
        <translation>&amp;Get shared documents…</translation>
    </message>
    <message>
        <source>Haal een eigen kopie op van documenten die u met anderen deelt</source>
        <translation>Get your own copy of documents you share with others</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Sla het geopende document op</source>
        <translation>Save the open document</translation>
    </message>
    <message>
        <source>&amp;Instellingen…</source>
        <translation>Se&amp;ttings…</translation>
    </message>
    <message>
        <source>Taal, uw naam en lettergrootte</source>
        <translation>Language, your name and font size</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Redactie afsluiten</source>
        <translation>Quit Redactie</translation>
    </message>
    <message>
        <source>&amp;Recent geopend</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>Be&amp;werken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Ongedaan maken</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Opnieuw &amp;uitvoeren</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Document &amp;zoeken</source>
        <translation>&amp;Find document</translation>
    </message>
    <message>
        <source>Zoek een document op titel, code of label in de lijst; Enter opent het eerste, pijl omlaag gaat naar de lijst</source>
        <translation>Find a document by title, code or label in the list; Enter opens the first, the down arrow goes into the list</translation>
    </message>
    <message>
        <source>&amp;Meerdere documenten</source>
        <translation>&amp;Multiple documents</translation>
    </message>
    <message>
        <source>&amp;Versiebeheer</source>
        <translation>&amp;Versions</translation>
    </message>
    <message>
        <source>&amp;Wijzigingen bekijken…</source>
        <translation>&amp;Review changes…</translation>
    </message>
    <message>
        <source>Bekijk wat er is veranderd en leg het vast</source>
        <translation>See what changed and commit it</translation>
    </message>
    <message>
        <source>&amp;Synchroniseren</source>
        <translation>&amp;Synchronise</translation>
    </message>
    <message>
        <source>Haal wijzigingen van anderen op en zet de uwe erbovenop</source>
        <translation>Fetch others&apos; changes and put yours on top</translation>
    </message>
    <message>
        <source>&amp;Geschiedenis</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>Toon alle eerdere versies van het geopende document en haal een veld, sectie of het hele document terug</source>
        <translation>Show every earlier version of the open document and bring back a field, a section or the whole document</translation>
    </message>
    <message>
        <source>Werk in een &amp;eigen versie…</source>
        <translation>Work in a version of your &amp;own…</translation>
    </message>
    <message>
        <source>Houd uw wijzigingen apart tot ze zijn nagekeken</source>
        <translation>Keep your changes apart until they have been reviewed</translation>
    </message>
    <message>
        <source>&amp;Voorstel indienen</source>
        <translation>Submit &amp;proposal</translation>
    </message>
    <message>
        <source>Deel uw versie en open de pagina om haar ter beoordeling voor te stellen</source>
        <translation>Share your version and open the page to propose it for review</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Hoe werkt het?</source>
        <translation>&amp;How does it work?</translation>
    </message>
    <message>
        <source>Korte uitleg over het bewerken, vastleggen en delen van documenten</source>
        <translation>A short guide to editing, committing and sharing documents</translation>
    </message>
    <message>
        <source>&amp;Over Redactie</source>
        <translation>&amp;About Redactie</translation>
    </message>
    <message>
        <source>Versie, licenties en broncode</source>
        <translation>Version, licences and source code</translation>
    </message>
    <message>
        <source>Schema bepalen uit de documenten…</source>
        <translation>Determining the schema from the documents…</translation>
    </message>
    <message>
        <source>Het schemabestand is onbruikbaar: de documenten zijn tijdelijk geopend met een schema dat uit de documenten zelf is afgeleid. Aan het schemabestand verandert niets</source>
        <translation>The schema file is unusable: the documents are open for now with a schema derived from the documents themselves. Nothing in the schema file changes</translation>
    </message>
    <message>
        <source>Tijdelijk: %1</source>
        <translation>For now: %1</translation>
    </message>
    <message>
        <source>Tijdelijk geopend zonder het onbruikbare schemabestand; er wordt niets aan opgeslagen. Herstel het via ‘Schemaprobleem…’.</source>
        <translation>Opened for now without the unusable schema file; nothing is saved to it. Repair it through ‘Schema problem…’.</translation>
    </message>
    <message>
        <source>‘%1’ is niet geopend: het schemabestand is onbruikbaar. U werkt verder in ‘%2’.</source>
        <translation>‘%1’ was not opened: its schema file is unusable. You go on working in ‘%2’.</translation>
    </message>
    <message>
        <source>Schema onbruikbaar</source>
        <translation>Schema unusable</translation>
    </message>
    <message>
        <source>Redactie — %1</source>
        <translation>Redactie — %1</translation>
    </message>
    <message>
        <source>Schema opslaan bij de documenten</source>
        <translation>Save the schema with the documents</translation>
    </message>
    <message>
        <source>Deze documenten hebben geen schemabestand. Sla het schema dat nu gebruikt wordt op bij de documenten, zodat een beheerder het kan nakijken; het wordt pas gedeeld als u het zelf vastlegt</source>
        <translation>These documents have no schema file. Save the schema now in use with the documents so that a maintainer can check it; it is shared only when you commit it yourself</translation>
    </message>
    <message>
        <source>Geen schemabestand gevonden: het schema is afgeleid uit de documenten</source>
        <translation>No schema file found: the schema was inferred from the documents</translation>
    </message>
    <message numerus="yes">
        <source>Niet-opgeslagen werk gevonden in %n documenten; open een document om het te herstellen</source>
        <translation>
            <numerusform>Unsaved work found in %n document; open it to restore it</numerusform>
            <numerusform>Unsaved work found in %n documents; open a document to restore it</numerusform>
        </translation>
    </message>
    <message>
        <source>De documenten zijn niet geopend: het schemabestand is onbruikbaar. Kies ‘Schemaprobleem…’ om het te herstellen of zonder te werken.</source>
        <translation>The documents were not opened: the schema file is unusable. Choose ‘Schema problem…’ to repair it or to work without it.</translation>
    </message>
    <message>
        <source>Nieuwe versie: %1</source>
        <translation>New version: %1</translation>
    </message>
    <message>
        <source>Nieuwe versie beschikbaar</source>
        <translation>New version available</translation>
    </message>
    <message>
        <source>Er is een nieuwere versie van Redactie; klik om de downloadpagina te openen</source>
        <translation>A newer version of Redactie exists; click to open the download page</translation>
    </message>
    <message>
        <source>Schema niet opgeslagen</source>
        <translation>Schema not saved</translation>
    </message>
    <message>
        <source>Het schema kon niet worden opgeslagen: %1</source>
        <translation>The schema could not be saved: %1</translation>
    </message>
    <message>
        <source>Schema opgeslagen in %1</source>
        <translation>Schema saved in %1</translation>
    </message>
    <message>
        <source>Openen mislukt</source>
        <translation>Opening failed</translation>
    </message>
    <message>
        <source>%1 kan niet worden geopend: %2</source>
        <translation>%1 cannot be opened: %2</translation>
    </message>
    <message>
        <source>Document openen…</source>
        <translation>Opening the document…</translation>
    </message>
    <message>
        <source>Opgeslagen</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Niets te bewaren: het document is niet gewijzigd</source>
        <translation>Nothing to save: the document has not changed</translation>
    </message>
    <message>
        <source>Niet opgeslagen: het bestand is door een ander programma gewijzigd</source>
        <translation>Not saved: the file was changed by another program</translation>
    </message>
    <message>
        <source>Niet opgeslagen wijzigingen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Het document heeft wijzigingen die nog niet zijn opgeslagen. Wilt u ze opslaan?</source>
        <translation>The document has changes that have not been saved. Do you want to save them?</translation>
    </message>
    <message>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Map met documenten openen</source>
        <translation>Open a folder of documents</translation>
    </message>
</context>
<context>
    <name>MultiChoiceField</name>
    <message>
        <source>Typ om te zoeken</source>
        <translation>Type to search</translation>
    </message>
    <message>
        <source>Zoeken in %1</source>
        <translation>Search in %1</translation>
    </message>
    <message>
        <source>Typ een deel van een waarde om de lijst korter te maken</source>
        <translation>Type part of a value to shorten the list</translation>
    </message>
    <message>
        <source>%1 (niet toegestaan)</source>
        <translation>%1 (not allowed)</translation>
    </message>
</context>
<context>
    <name>NewDocumentDialog</name>
    <message>
        <source>Nieuw document</source>
        <translation>New document</translation>
    </message>
    <message>
        <source>Soort document</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Welk soort document u maakt; dat bepaalt de velden en secties</source>
        <translation>Which type of document you create; it determines the fields and sections</translation>
    </message>
    <message>
        <source>Titel van het nieuwe document</source>
        <translation>Title of the new document</translation>
    </message>
    <message>
        <source>De titel beschrijft het document in één zin, zonder punt aan het eind</source>
        <translation>The title describes the document in one sentence, without a full stop at the end</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>De korte code van het document, bijvoorbeeld aia-18; die komt in de bestandsnaam en het id</source>
        <translation>The document&apos;s short code, for example aia-18; it goes into the file name and the id</translation>
    </message>
    <message>
        <source>Voorgestelde bestandsnaam</source>
        <translation>Proposed file name</translation>
    </message>
    <message>
        <source>Voorgesteld id</source>
        <translation>Proposed id</translation>
    </message>
    <message>
        <source>Waarom het nog niet kan</source>
        <translation>Why it is not possible yet</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Aanmaken</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>De ids van de andere documenten worden nog gecontroleerd…</source>
        <translation>The ids of the other documents are still being checked…</translation>
    </message>
</context>
<context>
    <name>Paste</name>
    <message>
        <source>Plakken als platte tekst</source>
        <translation>Paste as plain text</translation>
    </message>
    <message>
        <source>Plak de tekst van het klembord zonder opmaak: geen vet, lijsten, links of tabellen</source>
        <translation>Paste the clipboard&apos;s text without formatting: no bold, lists, links or tables</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Voorbeeldweergave</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Zo ongeveer ziet de pagina eruit op de website</source>
        <translation>Roughly how the page looks on the website</translation>
    </message>
</context>
<context>
    <name>RawView</name>
    <message>
        <source>Fout in het bestand</source>
        <translation>Error in the file</translation>
    </message>
    <message>
        <source>Bestand als tekst</source>
        <translation>File as text</translation>
    </message>
    <message>
        <source>De volledige tekst van het bestand, inclusief de gegevens bovenaan</source>
        <translation>The whole text of the file, including the data at the top</translation>
    </message>
    <message>
        <source>De gegevens bovenaan dit bestand kunnen niet worden gelezen (regel %1, kolom %2): %3</source>
        <translation>The data at the top of this file cannot be read (line %1, column %2): %3</translation>
    </message>
    <message>
        <source>Tekst bewerken</source>
        <translation>Edit text</translation>
    </message>
</context>
<context>
    <name>ReadOnlyField</name>
    <message>
        <source>Toelichting bij %1</source>
        <translation>Note on %1</translation>
    </message>
    <message>
        <source>Waarom dit veld hier niet bewerkt kan worden</source>
        <translation>Why this field cannot be edited here</translation>
    </message>
</context>
<context>
    <name>RenameValueDialog</name>
    <message>
        <source>Waarde hernoemen of samenvoegen</source>
        <translation>Rename or merge a value</translation>
    </message>
    <message>
        <source>Huidige waarde</source>
        <translation>Current value</translation>
    </message>
    <message>
        <source>De waarde die verdwijnt, zoals ze in de documenten staat</source>
        <translation>The value that goes away, as the documents hold it</translation>
    </message>
    <message>
        <source>Nieuwe waarde</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>De nieuwe naam; is het een bestaande waarde, dan worden de twee samengevoegd</source>
        <translation>The new name; if it is an existing value, the two are merged</translation>
    </message>
    <message>
        <source>Betekenis van de waarden</source>
        <translation>Meaning of the values</translation>
    </message>
    <message>
        <source>Hoe de waarden in het formulier heten</source>
        <translation>What the values are called in the form</translation>
    </message>
    <message>
        <source>wordt samengevoegd met %1</source>
        <translation>is merged into %1</translation>
    </message>
    <message>
        <source>wordt hernoemd naar de nieuwe waarde %1</source>
        <translation>is renamed to the new value %1</translation>
    </message>
    <message>
        <source>Vul de huidige en de nieuwe waarde in.</source>
        <translation>Fill in the current and the new value.</translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message>
        <source>Zoeken en vervangen</source>
        <translation>Find and replace</translation>
    </message>
    <message>
        <source>Zoeken naar</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>De tekst die u zoekt</source>
        <translation>The text you are looking for</translation>
    </message>
    <message>
        <source>Vervangen door</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <source>De tekst die ervoor in de plaats komt</source>
        <translation>The text that takes its place</translation>
    </message>
    <message>
        <source>Hele woorden</source>
        <translation>Whole words</translation>
    </message>
    <message>
        <source>Alleen treffers die een heel woord zijn</source>
        <translation>Only hits that are a whole word</translation>
    </message>
    <message>
        <source>Hoofdlettergevoelig</source>
        <translation>Case sensitive</translation>
    </message>
    <message>
        <source>Hoofdletters en kleine letters tellen als verschillend</source>
        <translation>Capital and small letters count as different</translation>
    </message>
    <message>
        <source>Alleen de selectie</source>
        <translation>Selection only</translation>
    </message>
    <message>
        <source>Zoek alleen in de documenten die in de lijst geselecteerd zijn</source>
        <translation>Search only the documents selected in the list</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Toon elke treffer met zijn omgeving</source>
        <translation>Show every hit in its context</translation>
    </message>
    <message>
        <source>Treffers</source>
        <translation>Hits</translation>
    </message>
    <message>
        <source>Vink de treffers aan die vervangen moeten worden</source>
        <translation>Tick the hits that are to be replaced</translation>
    </message>
    <message>
        <source>Vul in waar u naar zoekt.</source>
        <translation>Fill in what you are looking for.</translation>
    </message>
    <message>
        <source>Zoeken…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>tekst</source>
        <translation>text</translation>
    </message>
    <message numerus="yes">
        <source>%n treffers.</source>
        <translation>
            <numerusform>%n hit.</numerusform>
            <numerusform>%n hits.</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoek eerst en vink de treffers aan die u wilt vervangen.</source>
        <translation>Search first and tick the hits you want to replace.</translation>
    </message>
</context>
<context>
    <name>RetireValueDialog</name>
    <message>
        <source>Waarde uitfaseren</source>
        <translation>Retire a value</translation>
    </message>
    <message>
        <source>Uit te faseren waarde</source>
        <translation>Value to retire</translation>
    </message>
    <message>
        <source>De waarde die niet meer gebruikt wordt</source>
        <translation>The value that is no longer used</translation>
    </message>
    <message>
        <source>Waarde</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Documenten zoeken</source>
        <translation>Find documents</translation>
    </message>
    <message>
        <source>Toon elk document met deze waarde, zodat u per document kunt kiezen</source>
        <translation>Show every document with this value, so that you can choose per document</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Keuze</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>Documenten met deze waarde</source>
        <translation>Documents with this value</translation>
    </message>
    <message>
        <source>Kies per document een vervangende waarde, of verwijder de waarde</source>
        <translation>Choose a replacement value per document, or remove the value</translation>
    </message>
    <message>
        <source>Vul de waarde in.</source>
        <translation>Fill in the value.</translation>
    </message>
    <message>
        <source>Documenten zoeken…</source>
        <translation>Finding documents…</translation>
    </message>
    <message>
        <source>Keuze voor %1</source>
        <translation>Choice for %1</translation>
    </message>
    <message>
        <source>Verwijder de waarde uit dit document of vervang haar</source>
        <translation>Remove the value from this document or replace it</translation>
    </message>
    <message>
        <source>verwijderen</source>
        <translation>remove</translation>
    </message>
    <message>
        <source>vervangen door %1</source>
        <translation>replace with %1</translation>
    </message>
    <message numerus="yes">
        <source>%n documenten hebben deze waarde.</source>
        <translation>
            <numerusform>%n document holds this value.</numerusform>
            <numerusform>%n documents hold this value.</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoek eerst de documenten met deze waarde.</source>
        <translation>Find the documents with this value first.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Wijzigingen bekijken</source>
        <translation>Review changes</translation>
    </message>
    <message>
        <source>Wijzigingen worden gelezen…</source>
        <translation>Reading changes…</translation>
    </message>
    <message>
        <source>Gewijzigde bestanden</source>
        <translation>Changed files</translation>
    </message>
    <message>
        <source>Vink de bestanden aan die u wilt vastleggen; alleen die worden vastgelegd</source>
        <translation>Tick the files you want to commit; only those are committed</translation>
    </message>
    <message>
        <source>Onderdelen van dit bestand</source>
        <translation>Parts of this file</translation>
    </message>
    <message>
        <source>Vink een onderdeel uit om het nu niet vast te leggen; het blijft gewoon in het bestand staan</source>
        <translation>Untick a part to leave it out of this commit; it simply stays in the file</translation>
    </message>
    <message>
        <source>Samenvatting van de wijzigingen</source>
        <translation>Summary of the changes</translation>
    </message>
    <message>
        <source>Wat er is veranderd, per veld en per sectie</source>
        <translation>What changed, per field and per section</translation>
    </message>
    <message>
        <source>Tekstverschil</source>
        <translation>Text difference</translation>
    </message>
    <message>
        <source>Het verschil in de tekst van het bestand; gewijzigde woorden zijn gemarkeerd</source>
        <translation>The difference in the file&apos;s text; changed words are highlighted</translation>
    </message>
    <message>
        <source>Tekstverschil toch tonen</source>
        <translation>Show the text difference anyway</translation>
    </message>
    <message>
        <source>Dit bestand is groot; het verschil wordt pas berekend als u erom vraagt</source>
        <translation>This file is large; the difference is computed only when you ask for it</translation>
    </message>
    <message>
        <source>Fouten en waarschuwingen</source>
        <translation>Errors and warnings</translation>
    </message>
    <message>
        <source>Dubbelklik om het veld te openen. Fouten moeten eerst worden opgelost</source>
        <translation>Double-click to open the field. Errors must be fixed first</translation>
    </message>
    <message>
        <source>Ik heb de waarschuwingen gezien en wil toch vastleggen</source>
        <translation>I have seen the warnings and want to commit anyway</translation>
    </message>
    <message>
        <source>Waarschuwingen accepteren</source>
        <translation>Accept warnings</translation>
    </message>
    <message>
        <source>&amp;Beschrijving</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Beschrijving van de wijziging</source>
        <translation>Description of the change</translation>
    </message>
    <message>
        <source>Beschrijf kort wat u hebt veranderd; dit is verplicht en blijft bij de wijziging bewaard</source>
        <translation>Briefly describe what you changed; this is required and is kept with the change</translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Vastleggen</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Leg de aangevinkte bestanden vast met deze beschrijving</source>
        <translation>Commit the ticked files with this description</translation>
    </message>
    <message>
        <source>Synchroniseren</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <source>Haal wijzigingen van anderen op en zet de uwe erbovenop</source>
        <translation>Fetch others&apos; changes and put yours on top</translation>
    </message>
    <message>
        <source>Voorstel indienen</source>
        <translation>Submit proposal</translation>
    </message>
    <message>
        <source>Deel uw versie en open de pagina om haar ter beoordeling voor te stellen</source>
        <translation>Share your version and open the page to propose it for review</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Dit venster sluiten</source>
        <translation>Close this window</translation>
    </message>
    <message>
        <source>Waarom niet vastleggen</source>
        <translation>Why not commit</translation>
    </message>
    <message>
        <source>Wijzigingen lezen…</source>
        <translation>Reading changes…</translation>
    </message>
    <message>
        <source>%1: Redactie legt dit niet vast</source>
        <translation>%1: Redactie does not record this</translation>
    </message>
    <message numerus="yes">
        <source>%n gewijzigde bestanden. Bekijk ze en vink aan wat u wilt vastleggen.</source>
        <translation>
            <numerusform>%n changed file. Review it and tick what you want to commit.</numerusform>
            <numerusform>%n changed files. Review them and tick what you want to commit.</numerusform>
        </translation>
    </message>
    <message>
        <source>Er zijn geen wijzigingen om vast te leggen.</source>
        <translation>There are no changes to commit.</translation>
    </message>
    <message>
        <source>Kies een bestand van deze bulkwijziging om zijn tekstverschil te zien.</source>
        <translation>Choose a file of this bulk change to see its text difference.</translation>
    </message>
    <message>
        <source>Dit bestand is groot. Kies &apos;Tekstverschil toch tonen&apos; om het verschil te berekenen.</source>
        <translation>This file is large. Choose &apos;Show the text difference anyway&apos; to compute the difference.</translation>
    </message>
    <message>
        <source>%1 is een binair bestand (geen tekst); de inhoud wordt niet getoond.</source>
        <translation>%1 is a binary file (not text); its content is not shown.</translation>
    </message>
    <message>
        <source>Verschil wordt berekend…</source>
        <translation>Computing the difference…</translation>
    </message>
    <message>
        <source>Verschil berekenen…</source>
        <translation>Computing the difference…</translation>
    </message>
    <message>
        <source>Dit onderdeel kan alleen met het hele bestand worden vastgelegd</source>
        <translation>This part can only be committed together with the whole file</translation>
    </message>
    <message>
        <source>Fout</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Waarschuwing</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Wijzigingen worden nog gelezen…</source>
        <translation>Changes are still being read…</translation>
    </message>
    <message>
        <source>Vink ten minste één bestand aan.</source>
        <translation>Tick at least one file.</translation>
    </message>
    <message>
        <source>Kan niet vastleggen: %1 heeft een fout (%2).</source>
        <translation>Cannot commit: %1 has an error (%2).</translation>
    </message>
    <message numerus="yes">
        <source>En nog %n fouten; zie de lijst hierboven.</source>
        <translation>
            <numerusform>And %n more error; see the list above.</numerusform>
            <numerusform>And %n more errors; see the list above.</numerusform>
        </translation>
    </message>
    <message>
        <source>Vul een beschrijving in.</source>
        <translation>Fill in a description.</translation>
    </message>
    <message>
        <source>Bekijk de waarschuwingen en vink aan dat u ze hebt gezien.</source>
        <translation>Look at the warnings and tick that you have seen them.</translation>
    </message>
    <message>
        <source>Ongedaan gemaakt: %1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <source>Niet ongedaan gemaakt: %1</source>
        <translation>Not undone: %1</translation>
    </message>
    <message>
        <source>Bulkwijziging ongedaan maken…</source>
        <translation>Undoing bulk change…</translation>
    </message>
    <message>
        <source>%1 kan alleen in zijn geheel worden vastgelegd; vink alle onderdelen aan en probeer het opnieuw.</source>
        <translation>%1 can only be committed as a whole; tick all its parts and try again.</translation>
    </message>
    <message>
        <source>Vastleggen…</source>
        <translation>Committing…</translation>
    </message>
    <message>
        <source>Vastgelegd (%1). U kunt nu synchroniseren of een voorstel indienen.</source>
        <translation>Committed (%1). You can now synchronise or submit a proposal.</translation>
    </message>
</context>
<context>
    <name>SchemaProblem</name>
    <message>
        <source>Schema onbruikbaar</source>
        <translation>Schema unusable</translation>
    </message>
    <message>
        <source>De documenten in ‘%1’ kunnen niet worden geopend: het schemabestand %2 is onbruikbaar.</source>
        <translation>The documents in ‘%1’ cannot be opened: the schema file %2 is unusable.</translation>
    </message>
    <message>
        <source>Regel %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>De documenten in ‘%1’ kunnen niet worden geopend.</source>
        <translation>The documents in ‘%1’ cannot be opened.</translation>
    </message>
    <message>
        <source>Er ging iets mis bij het lezen van de map.</source>
        <translation>Something went wrong while reading the folder.</translation>
    </message>
    <message>
        <source>Bestand: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>U werkt verder in ‘%1’; daar is niets veranderd.</source>
        <translation>You go on working in ‘%1’; nothing changed there.</translation>
    </message>
    <message>
        <source>Wat wilt u doen?</source>
        <translation>What would you like to do?</translation>
    </message>
    <message>
        <source>Technische details (voor een beheerder):</source>
        <translation>Technical details (for an administrator):</translation>
    </message>
    <message>
        <source>Schema herstellen…</source>
        <translation>Repair schema…</translation>
    </message>
    <message>
        <source>Open het schemabestand als tekst in Redactie, met de fout aangewezen, om het te herstellen; daarna worden de documenten opnieuw geopend</source>
        <translation>Open the schema file as text in Redactie, with the error pointed out, to repair it; the documents are then opened again</translation>
    </message>
    <message>
        <source>Map tonen</source>
        <translation>Show folder</translation>
    </message>
    <message>
        <source>Toon de map met het schemabestand in het bestandsbeheer, om het bestand daar te herstellen of door een beheerder te laten herstellen</source>
        <translation>Show the folder with the schema file in the file manager, to repair the file there or have an administrator repair it</translation>
    </message>
    <message>
        <source>Tijdelijk zonder schemabestand</source>
        <translation>Without the schema file for now</translation>
    </message>
    <message>
        <source>Open de documenten nu met een schema dat Redactie uit de documenten zelf afleidt. Dit is tijdelijk: het schemabestand blijft zoals het is en er wordt niets opgeslagen; bij het volgende openen wordt het schemabestand weer gelezen</source>
        <translation>Open the documents now with a schema Redactie derives from the documents themselves. This is temporary: the schema file stays as it is and nothing is saved; the next time they are opened, the schema file is read again</translation>
    </message>
    <message>
        <source>Andere map openen…</source>
        <translation>Open another folder…</translation>
    </message>
    <message>
        <source>Kies een andere map met documenten om te openen</source>
        <translation>Choose another folder with documents to open</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Sluit deze melding; via de knop ‘Schemaprobleem’ onderin komt u erop terug</source>
        <translation>Close this message; the ‘Schema problem’ button at the bottom brings it back</translation>
    </message>
</context>
<context>
    <name>SchemaRepair</name>
    <message>
        <source>Schema herstellen — %1</source>
        <translation>Repair schema — %1</translation>
    </message>
    <message>
        <source>Herstel het schemabestand hieronder; de regel met de fout is gemarkeerd. Onder de tekst staat steeds of het schema nu bruikbaar is. Opslaan schrijft het bestand en opent de documenten opnieuw.</source>
        <translation>Repair the schema file below; the line with the error is marked. Below the text you always see whether the schema is usable now. Saving writes the file and opens the documents again.</translation>
    </message>
    <message>
        <source>Tekst van het schemabestand</source>
        <translation>Text of the schema file</translation>
    </message>
    <message>
        <source>De inhoud van %1, het bestand dat beschrijft welke documentsoorten, velden en keuzelijsten de documenten hebben</source>
        <translation>The content of %1, the file that describes which document types, fields and choice lists the documents have</translation>
    </message>
    <message>
        <source>Toestand van het schema</source>
        <translation>State of the schema</translation>
    </message>
    <message>
        <source>Of de tekst hierboven een bruikbaar schema is, en anders op welke regel wat er mis is</source>
        <translation>Whether the text above is a usable schema, and if not, on which line what is wrong</translation>
    </message>
    <message>
        <source>Opslaan en opnieuw openen</source>
        <translation>Save and open again</translation>
    </message>
    <message>
        <source>Sla het schemabestand op (alleen als u iets veranderde) en open de documenten opnieuw</source>
        <translation>Save the schema file (only if you changed something) and open the documents again</translation>
    </message>
    <message>
        <source>Sluit zonder iets op te slaan</source>
        <translation>Close without saving anything</translation>
    </message>
    <message>
        <source>Het schema is nu bruikbaar.</source>
        <translation>The schema is usable now.</translation>
    </message>
    <message>
        <source>Regel %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>Wijzigingen weggooien?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>U hebt het schemabestand hier veranderd. Sluiten zonder op te slaan gooit die wijzigingen weg.</source>
        <translation>You changed the schema file here. Closing without saving discards those changes.</translation>
    </message>
    <message>
        <source>Schema niet opgeslagen</source>
        <translation>Schema not saved</translation>
    </message>
    <message>
        <source>Het schema kon niet worden opgeslagen: %1</source>
        <translation>The schema could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>SectionEdit</name>
    <message>
        <source>Dit document bestaat niet: %1</source>
        <translation>This document does not exist: %1</translation>
    </message>
    <message>
        <source>Geen suggesties</source>
        <translation>No suggestions</translation>
    </message>
    <message>
        <source>Toevoegen aan de gedeelde woordenlijst van deze documenten</source>
        <translation>Add to the shared word list of these documents</translation>
    </message>
    <message>
        <source>Toevoegen aan mijn eigen woordenlijst</source>
        <translation>Add to my own word list</translation>
    </message>
    <message>
        <source>Negeren tot Redactie sluit</source>
        <translation>Ignore until Redactie closes</translation>
    </message>
    <message>
        <source>Opmaak</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>&apos;%1&apos; staat nu in %2: beoordeel en leg die wijziging vast zoals elke wijziging</source>
        <translation>&apos;%1&apos; is now in %2: review and commit that change like any other</translation>
    </message>
    <message>
        <source>Woordenlijst niet bijgewerkt</source>
        <translation>Word list not updated</translation>
    </message>
    <message>
        <source>De woordenlijst kon niet worden opgeslagen (%1). Het woord geldt tot Redactie sluit; probeer het later opnieuw.</source>
        <translation>The word list could not be saved (%1). The word counts as known until Redactie closes; try again later.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>De taal van Redactie; wordt gebruikt vanaf de volgende start (of nu, met Nu herstarten)</source>
        <translation>The language of Redactie; used from the next start (or now, with Restart now)</translation>
    </message>
    <message>
        <source>Wordt actief na herstarten</source>
        <translation>Takes effect after a restart</translation>
    </message>
    <message>
        <source>Wanneer de taal verandert</source>
        <translation>When the language changes</translation>
    </message>
    <message>
        <source>Redactie gebruikt de gekozen taal vanaf de volgende start</source>
        <translation>Redactie uses the chosen language from its next start</translation>
    </message>
    <message>
        <source>Nu herstarten</source>
        <translation>Restart now</translation>
    </message>
    <message>
        <source>Bewaar de instellingen en start Redactie opnieuw in de gekozen taal. Niet-opgeslagen wijzigingen blijven bewaard en worden na de start weer aangeboden</source>
        <translation>Store the settings and start Redactie again in the chosen language. Unsaved changes are kept and offered again after the start</translation>
    </message>
    <message>
        <source>Naam van de auteur</source>
        <translation>Author name</translation>
    </message>
    <message>
        <source>Uw naam zoals die bij uw vastgelegde wijzigingen wordt bewaard</source>
        <translation>Your name as it is recorded with your committed changes</translation>
    </message>
    <message>
        <source>E-mailadres van de auteur</source>
        <translation>Author e-mail address</translation>
    </message>
    <message>
        <source>Het e-mailadres waarmee u bij de gedeelde documenten bekend bent</source>
        <translation>The e-mail address by which the shared documents know you</translation>
    </message>
    <message>
        <source>standaard</source>
        <translation>default</translation>
    </message>
    <message>
        <source>Lettergrootte van de editor</source>
        <translation>Editor font size</translation>
    </message>
    <message>
        <source>De lettergrootte in punten van de tekstvakken voor secties</source>
        <translation>The font size in points of the section text boxes</translation>
    </message>
    <message>
        <source>Schema van deze documenten</source>
        <translation>Schema of these documents</translation>
    </message>
    <message>
        <source>Welke regels Redactie gebruikt voor de documenten in deze map. Automatisch: het schemabestand bij de documenten, anders het herkende formaat van het Algoritmekader, anders afgeleid uit de documenten. De keuze wordt alleen op deze computer onthouden, niet bij de documenten.</source>
        <translation>Which rules Redactie uses for the documents in this folder. Automatic: the schema file with the documents, else the recognised Algoritmekader format, else inferred from the documents. The choice is remembered on this computer only, not with the documents.</translation>
    </message>
    <message>
        <source>Het schema dat nu voor deze documenten wordt gebruikt</source>
        <translation>The schema now used for these documents</translation>
    </message>
    <message>
        <source>Schema in gebruik</source>
        <translation>Schema in use</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mailadres</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <source>Lettergrootte</source>
        <translation>Font size</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>In gebruik</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Nieuwe versies</source>
        <translation>New versions</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>De schemakeuze kon niet worden bewaard: %1</source>
        <translation>The schema choice could not be saved: %1</translation>
    </message>
    <message>
        <source>Opslaan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>SharingController</name>
    <message>
        <source>Er ging iets mis: %1</source>
        <translation>Something went wrong: %1</translation>
    </message>
    <message>
        <source>Synchroniseren…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <source>Delen…</source>
        <translation>Sharing…</translation>
    </message>
    <message>
        <source>Gedeeld: versie %1</source>
        <translation>Shared: version %1</translation>
    </message>
    <message>
        <source>Gedeeld. De pagina om het voorstel in te dienen is geopend in de browser: %1</source>
        <translation>Shared. The page to submit the proposal has been opened in the browser: %1</translation>
    </message>
    <message>
        <source>Voorstel indienen…</source>
        <translation>Submitting proposal…</translation>
    </message>
    <message>
        <source>U werkt nu in de eigen versie %1</source>
        <translation>You are now working in your own version %1</translation>
    </message>
    <message>
        <source>Eigen versie maken…</source>
        <translation>Making a version of your own…</translation>
    </message>
    <message>
        <source>Wisselen van versie…</source>
        <translation>Switching version…</translation>
    </message>
    <message>
        <source>U werkt nu in versie %1</source>
        <translation>You are now working in version %1</translation>
    </message>
    <message>
        <source>Conflict oplossen…</source>
        <translation>Resolving conflict…</translation>
    </message>
    <message>
        <source>Afronden…</source>
        <translation>Finishing…</translation>
    </message>
    <message>
        <source>Synchroniseren is afgerond.</source>
        <translation>Synchronising has finished.</translation>
    </message>
    <message>
        <source>Afbreken…</source>
        <translation>Aborting…</translation>
    </message>
    <message>
        <source>Afgebroken; alles staat weer zoals voor het synchroniseren.</source>
        <translation>Aborted; everything is as it was before synchronising.</translation>
    </message>
    <message>
        <source>Vergrendeling verwijderen…</source>
        <translation>Removing lock…</translation>
    </message>
    <message>
        <source>De vergrendeling is verwijderd.</source>
        <translation>The lock has been removed.</translation>
    </message>
    <message>
        <source>Opslaan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Git is niet gevonden op deze computer. Installeer Redactie opnieuw of vraag uw beheerder om Git te installeren.</source>
        <translation>Git was not found on this computer. Reinstall Redactie or ask your administrator to install Git.</translation>
    </message>
    <message>
        <source>Redactie kan niet starten</source>
        <translation>Redactie cannot start</translation>
    </message>
    <message>
        <source>De map of het bestand %1 bestaat niet.</source>
        <translation>The folder or file %1 does not exist.</translation>
    </message>
    <message>
        <source>De voorbeeldinhoud kon niet worden klaargezet in %1 (%2).</source>
        <translation>The sample content could not be prepared in %1 (%2).</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <source>Tabel invoegen</source>
        <translation>Insert table</translation>
    </message>
    <message>
        <source>Tabel bewerken</source>
        <translation>Edit table</translation>
    </message>
    <message>
        <source>De eerste rij is de kop van de tabel. Dubbelklik of typ in een cel om haar te wijzigen; alleen de rijen die u wijzigt worden anders in het document.</source>
        <translation>The first row is the table&apos;s header. Double-click or type in a cell to change it; only the rows you change become different in the document.</translation>
    </message>
    <message>
        <source>Cellen van de tabel</source>
        <translation>Table cells</translation>
    </message>
    <message>
        <source>De cellen van de tabel; de eerste rij (blauw) is de kop. Enter bevestigt een cel, Shift+Enter maakt een nieuwe regel in de cel.</source>
        <translation>The table&apos;s cells; the first row (blue) is the header. Enter confirms a cell, Shift+Enter starts a new line in the cell.</translation>
    </message>
    <message>
        <source>Rij toevoegen</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Een lege rij onder de huidige rij</source>
        <translation>An empty row below the current row</translation>
    </message>
    <message>
        <source>Rij verwijderen</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>Verwijder de huidige rij (niet de kop)</source>
        <translation>Remove the current row (not the header)</translation>
    </message>
    <message>
        <source>Rij omhoog</source>
        <translation>Row up</translation>
    </message>
    <message>
        <source>Zet de huidige rij een plaats hoger</source>
        <translation>Move the current row up one place</translation>
    </message>
    <message>
        <source>Rij omlaag</source>
        <translation>Row down</translation>
    </message>
    <message>
        <source>Zet de huidige rij een plaats lager</source>
        <translation>Move the current row down one place</translation>
    </message>
    <message>
        <source>Kolom toevoegen</source>
        <translation>Add column</translation>
    </message>
    <message>
        <source>Een lege kolom rechts van de huidige kolom</source>
        <translation>An empty column to the right of the current column</translation>
    </message>
    <message>
        <source>Kolom verwijderen</source>
        <translation>Remove column</translation>
    </message>
    <message>
        <source>Verwijder de huidige kolom met al haar cellen (een tabel houdt minstens één kolom)</source>
        <translation>Remove the current column with all its cells (a table keeps at least one column)</translation>
    </message>
    <message>
        <source>Kolom naar links</source>
        <translation>Column left</translation>
    </message>
    <message>
        <source>Zet de huidige kolom een plaats naar links</source>
        <translation>Move the current column one place to the left</translation>
    </message>
    <message>
        <source>Kolom naar rechts</source>
        <translation>Column right</translation>
    </message>
    <message>
        <source>Zet de huidige kolom een plaats naar rechts</source>
        <translation>Move the current column one place to the right</translation>
    </message>
    <message>
        <source>Uitlijning van de kolom</source>
        <translation>Column alignment</translation>
    </message>
    <message>
        <source>Hoe de website de tekst in de huidige kolom uitlijnt (de dubbele punten in de scheidingsregel van de tabel)</source>
        <translation>How the website aligns the text in the current column (the colons in the table&apos;s delimiter row)</translation>
    </message>
    <message>
        <source>Standaard</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Midden</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>Rechts</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Uitlijning:</source>
        <translation>Alignment:</translation>
    </message>
    <message>
        <source>Ongedaan maken</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Maak de laatste wijziging in deze tabel ongedaan (%1)</source>
        <translation>Undo the last change in this table (%1)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Zet de tabel in de sectie; alleen de gewijzigde rijen worden herschreven</source>
        <translation>Put the table in the section; only the changed rows are rewritten</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sluit zonder iets in de sectie te veranderen</source>
        <translation>Close without changing anything in the section</translation>
    </message>
    <message>
        <source>Kop van kolom %1</source>
        <translation>Header of column %1</translation>
    </message>
    <message>
        <source>Kop</source>
        <translation>Header</translation>
    </message>
    <message>
        <source> (links)</source>
        <translation> (left)</translation>
    </message>
    <message>
        <source> (midden)</source>
        <translation> (centre)</translation>
    </message>
    <message>
        <source> (rechts)</source>
        <translation> (right)</translation>
    </message>
    <message>
        <source>Kolom %1</source>
        <translation>Column %1</translation>
    </message>
</context>
<context>
    <name>TextField</name>
    <message>
        <source>bijvoorbeeld %1</source>
        <translation>for example %1</translation>
    </message>
    <message>
        <source>Deze code heeft een vaste vorm, zoals %1.</source>
        <translation>This code has a fixed form, such as %1.</translation>
    </message>
    <message>
        <source>Deze code heeft een vaste vorm; past een waarde daar niet in, dan staat onder het veld wat er niet klopt.</source>
        <translation>This code has a fixed form; when a value does not fit it, what is wrong is shown below the field.</translation>
    </message>
    <message>
        <source>%1 van %2 woorden</source>
        <translation>%1 of %2 words</translation>
    </message>
</context>
<context>
    <name>UpdatesCheckBox</name>
    <message>
        <source>Eén keer per dag kijken of er een nieuwere versie is</source>
        <translation>Check once a day whether a newer version exists</translation>
    </message>
    <message>
        <source>Zoeken naar nieuwe versies</source>
        <translation>Check for new versions</translation>
    </message>
    <message>
        <source>Staat uit tot u het aanzet: Redactie maakt zonder uw toestemming geen verbinding met internet. Aan: Redactie vraagt eens per dag het nummer van de nieuwste versie op en stuurt verder niets mee</source>
        <translation>Off until you switch it on: Redactie does not connect to the internet without your consent. On: once a day Redactie asks for the number of the latest version and sends nothing else</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>_ValueDialog</name>
    <message>
        <source>Veld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Het keuzeveld waarvan u een waarde wilt veranderen, bijvoorbeeld de fases van de levenscyclus</source>
        <translation>The choice field whose value you want to change, for example the lifecycle phases</translation>
    </message>
</context>
<context>
    <name>edit</name>
    <message>
        <source>Tabel bewerken…</source>
        <translation>Edit table…</translation>
    </message>
    <message>
        <source>Bewerk de tabel waar de cursor staat als raster van cellen; staat de cursor niet in een tabel, dan voegt u er een in</source>
        <translation>Edit the table at the cursor as a grid of cells; when the cursor is not in a table, insert one</translation>
    </message>
    <message>
        <source>Tabel invoegen…</source>
        <translation>Insert table…</translation>
    </message>
    <message>
        <source>Voeg op de plaats van de cursor een nieuwe tabel in (2 kolommen, 2 rijen)</source>
        <translation>Insert a new table at the cursor (2 columns, 2 rows)</translation>
    </message>
    <message>
        <source>Tabel niet gewijzigd</source>
        <translation>Table not changed</translation>
    </message>
    <message>
        <source>Een rij die u wijzigde bevat een teken dat Redactie niet via het raster kan schrijven (gemarkeerd in de tekst). Er is niets veranderd; haal dat teken eerst in de tekst weg, of wijzig die rij in de tekst zelf.</source>
        <translation>A row you changed holds a character Redactie cannot write through the grid (marked in the text). Nothing was changed; remove that character in the text first, or change that row in the text itself.</translation>
    </message>
    <message>
        <source>Kolom %1</source>
        <translation>Column %1</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>Deze waarde is een samengestelde lijst; pas haar aan op het tabblad Tekst, zodat haar vorm niet verandert</source>
        <translation>This value is a compound list; change it on the Text tab so that its shape does not change</translation>
    </message>
    <message>
        <source>Deze waarde is geen tekst (bijvoorbeeld een getal, datum of ja/nee); pas haar aan op het tabblad Tekst, zodat haar soort niet verandert</source>
        <translation>This value is not text (for example a number, a date or yes/no); change it on the Text tab so that its type does not change</translation>
    </message>
    <message>
        <source>Deze waarde heeft een vorm die dit veld niet verwacht; pas haar aan op het tabblad Tekst</source>
        <translation>This value has a shape this field does not expect; change it on the Text tab</translation>
    </message>
</context>
</TS>
