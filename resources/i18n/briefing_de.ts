<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ActorDialogs</name>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Nennungen</translation>
    </message>
    <message>
        <source>a person</source>
        <extracomment>&quot;…become mentions of X, an organisation&quot;: the type an actor takes on when merged into another.</extracomment>
        <translation>eine Person</translation>
    </message>
    <message>
        <source>an organisation</source>
        <translation>eine Organisation</translation>
    </message>
    <message>
        <source>a place</source>
        <translation>ein Ort</translation>
    </message>
    <message>
        <source>other</source>
        <translation>sonstiger Typ</translation>
    </message>
    <message>
        <source>in 1 article</source>
        <translation>in 1 Artikel</translation>
    </message>
    <message>
        <source>in {n} articles</source>
        <translation>in {n} Artikeln</translation>
    </message>
    <message>
        <source>1 mention of “{source}” {articles} becomes a mention of “{target}”{kind}; “{source}” stays one of its names.</source>
        <translation>1 Nennung von „{source}“ {articles} wird zu einer Nennung von „{target}“{kind}; „{source}“ bleibt einer seiner Namen.</translation>
    </message>
    <message>
        <source>{n} mentions of “{source}” {articles} become mentions of “{target}”{kind}; “{source}” stays one of its names.</source>
        <translation>{n} Nennungen von „{source}“ {articles} werden zu Nennungen von „{target}“{kind}; „{source}“ bleibt einer seiner Namen.</translation>
    </message>
    <message>
        <source>Merge actor</source>
        <translation>Akteur zusammenführen</translation>
    </message>
    <message>
        <source>Which actor is “{name}” the same as? Similar names come first.</source>
        <translation>Mit welchem Akteur ist „{name}“ identisch? Ähnliche Namen stehen oben.</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Nach Namen filtern</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Choose the actor to merge into.</source>
        <translation>Wählen Sie den Akteur, in den zusammengeführt wird.</translation>
    </message>
</context>
<context>
    <name>ActorsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Nennungen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>{kind} · mentioned {mentions}× in {articles} articles</source>
        <translation>{kind} · {mentions}× genannt in {articles} Artikeln</translation>
    </message>
    <message>
        <source>{kind} · mentioned {mentions}×</source>
        <translation>{kind} · {mentions}× genannt</translation>
    </message>
    <message>
        <source>Roles: {roles}</source>
        <translation>Rollen: {roles}</translation>
    </message>
    <message>
        <source>Also: {names}</source>
        <translation>Auch: {names}</translation>
    </message>
</context>
<context>
    <name>ActorsPanel</name>
    <message>
        <source>Whole library</source>
        <extracomment>How long the library-wide list waits for more typing before it asks the library.</extracomment>
        <translation>Ganze Bibliothek</translation>
    </message>
    <message>
        <source>Show the actors of every article instead of this one</source>
        <translation>Die Akteure aller Artikel statt nur dieses Artikels zeigen</translation>
    </message>
    <message>
        <source>Filter actors</source>
        <translation>Akteure filtern</translation>
    </message>
    <message>
        <source>Previous mention in the text</source>
        <translation>Vorherige Nennung im Text</translation>
    </message>
    <message>
        <source>Next mention in the text</source>
        <translation>Nächste Nennung im Text</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Zusammenführen mit…</translation>
    </message>
    <message>
        <source>Not an entity</source>
        <translation>Kein Akteur</translation>
    </message>
    <message>
        <source>Remove this actor; its names are not recognised again</source>
        <translation>Diesen Akteur entfernen; seine Namen werden nicht mehr erkannt</translation>
    </message>
    <message>
        <source>Mark selection as actor</source>
        <translation>Auswahl als Akteur markieren</translation>
    </message>
    <message>
        <source>Make the words selected in the text an actor</source>
        <translation>Die im Text ausgewählten Wörter zu einem Akteur machen</translation>
    </message>
    <message>
        <source>Mentions:</source>
        <translation>Nennungen:</translation>
    </message>
    <message>
        <source>{number} of {total}</source>
        <translation>{number} von {total}</translation>
    </message>
    <message>
        <source>Rename actor</source>
        <translation>Akteur umbenennen</translation>
    </message>
    <message>
        <source>New name of “{name}”:</source>
        <translation>Neuer Name für „{name}“:</translation>
    </message>
    <message>
        <source>There is no other actor to merge with.</source>
        <translation>Es gibt keinen anderen Akteur zum Zusammenführen.</translation>
    </message>
    <message>
        <source>Merge actors</source>
        <translation>Akteure zusammenführen</translation>
    </message>
    <message>
        <source>Open Dossier</source>
        <translation>Dossier öffnen</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>Typ ändern</translation>
    </message>
</context>
<context>
    <name>AnalysisEdits</name>
    <message>
        <source>Edit article details</source>
        <translation>Artikeldetails bearbeiten</translation>
    </message>
    <message>
        <source>{action} failed</source>
        <translation>{action} fehlgeschlagen</translation>
    </message>
    <message>
        <source>Change speaker</source>
        <translation>Sprecher ändern</translation>
    </message>
    <message>
        <source>Not a quote</source>
        <translation>Kein Zitat</translation>
    </message>
    <message>
        <source>Mark as quote</source>
        <translation>Als Zitat markieren</translation>
    </message>
    <message>
        <source>Could not change the article&apos;s details</source>
        <translation>Die Artikeldetails konnten nicht geändert werden</translation>
    </message>
</context>
<context>
    <name>AnalysisViews</name>
    <message>
        <source>Actor &amp;Dossier</source>
        <translation>Akteurs-&amp;Dossier</translation>
    </message>
    <message>
        <source>Everything about the selected actor</source>
        <translation>Alles über den ausgewählten Akteur</translation>
    </message>
    <message>
        <source>&amp;Relations</source>
        <translation>&amp;Beziehungen</translation>
    </message>
    <message>
        <source>Who is named with whom: the actors&apos; network</source>
        <translation>Wer wird mit wem genannt: das Netzwerk der Akteure</translation>
    </message>
    <message>
        <source>Edit Article &amp;Details…</source>
        <translation>Artikel&amp;details bearbeiten…</translation>
    </message>
    <message>
        <source>Title, publication date and source</source>
        <translation>Titel, Erscheinungsdatum und Quelle</translation>
    </message>
    <message>
        <source>Show &amp;Quotes</source>
        <translation>&amp;Zitate anzeigen</translation>
    </message>
    <message>
        <source>Mark who said what in the text</source>
        <translation>Im Text markieren, wer was gesagt hat</translation>
    </message>
    <message>
        <source>A&amp;ctors</source>
        <translation>A&amp;kteure</translation>
    </message>
    <message>
        <source>Edit Title, Date and Source…</source>
        <translation>Titel, Datum und Quelle bearbeiten…</translation>
    </message>
    <message>
        <source>Open the dossier of this actor</source>
        <translation>Das Dossier dieses Akteurs öffnen</translation>
    </message>
    <message>
        <source>Open the dossier of the actor chosen here</source>
        <translation>Das Dossier des hier gewählten Akteurs öffnen</translation>
    </message>
    <message>
        <source>Select an actor first: in the sidebar, in the text or in the relations.</source>
        <translation>Wählen Sie zuerst einen Akteur: in der Seitenleiste, im Text oder in den Beziehungen.</translation>
    </message>
    <message>
        <source>Open an article first.</source>
        <translation>Öffnen Sie zuerst einen Artikel.</translation>
    </message>
    <message>
        <source>Open Dossier</source>
        <translation>Dossier öffnen</translation>
    </message>
</context>
<context>
    <name>AnchorActions</name>
    <message>
        <source>Confirm Place</source>
        <translation>Stelle bestätigen</translation>
    </message>
    <message>
        <source>Re-attach to Selected Text</source>
        <translation>An ausgewählten Text neu anheften</translation>
    </message>
    <message>
        <source>Select the passage in the text first, then re-attach the annotation to it.</source>
        <translation>Wählen Sie zuerst die Passage im Text aus und heften Sie die Anmerkung dann neu an.</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <source>Write a note… (saved as you type)</source>
        <translation>Notiz schreiben… (wird beim Tippen gespeichert)</translation>
    </message>
    <message>
        <source>Tags, e.g. politik/wahl quelle (Enter saves)</source>
        <translation>Schlagwörter, z. B. politik/wahl quelle (Enter speichert)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete this highlight and its note (undoable)</source>
        <translation>Diese Markierung und ihre Notiz löschen (rückgängig machbar)</translation>
    </message>
    <message>
        <source>Select a highlight to write a note.</source>
        <translation>Wählen Sie eine Markierung, um eine Notiz zu schreiben.</translation>
    </message>
    <message>
        <source>No highlight selected</source>
        <translation>Keine Markierung ausgewählt</translation>
    </message>
    <message>
        <source>{meaning} highlight</source>
        <translation>Markierung „{meaning}“</translation>
    </message>
    <message>
        <source>By {name}</source>
        <translation>Von {name}</translation>
    </message>
    <message>
        <source>Last changed by {name}</source>
        <translation>Zuletzt geändert von {name}</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Kept your text as a new note</source>
        <translation>Ihr Text wurde als neue Notiz behalten</translation>
    </message>
    <message>
        <source>Reloaded their version</source>
        <translation>Die andere Fassung wurde neu geladen</translation>
    </message>
</context>
<context>
    <name>AnnotationsModel</name>
    <message>
        <source>⚠ Orphaned – not in the new version: {quote}</source>
        <translation>⚠ Verwaist – nicht in der neuen Fassung: {quote}</translation>
    </message>
    <message>
        <source>⚠ Check ({score} similar): the passage changed – {quote}</source>
        <translation>⚠ Prüfen ({score} ähnlich): Die Passage hat sich geändert – {quote}</translation>
    </message>
    <message>
        <source>⚠ Check: the passage changed – {quote}</source>
        <translation>⚠ Prüfen: Die Passage hat sich geändert – {quote}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Notiz: {note}</translation>
    </message>
    <message>
        <source>By {name}</source>
        <translation>Von {name}</translation>
    </message>
    <message>
        <source>Before the new version: {quote}</source>
        <translation>Vor der neuen Fassung: {quote}</translation>
    </message>
    <message>
        <source>Right-click to confirm the place, re-attach it to the selected text, or delete it.</source>
        <translation>Rechtsklick, um die Stelle zu bestätigen, sie an den ausgewählten Text neu anzuheften oder sie zu löschen.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>This library is already open in another Briefing Reader window that does not respond (or on another computer). Close that window, or start with another library (--db).</source>
        <translation>Diese Bibliothek ist bereits in einem anderen Briefing-Reader-Fenster geöffnet, das nicht antwortet (oder auf einem anderen Computer). Schließen Sie dieses Fenster oder starten Sie mit einer anderen Bibliothek (--db).</translation>
    </message>
    <message>
        <source>This library is open in another program; close it and try again.</source>
        <translation>Diese Bibliothek ist in einem anderen Programm geöffnet; schließen Sie es und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Updating the library to this version&apos;s format. This happens once; a large library takes a few minutes.</source>
        <translation>Die Bibliothek wird auf das Format dieser Version umgestellt. Das geschieht einmal; eine große Bibliothek braucht einige Minuten.</translation>
    </message>
</context>
<context>
    <name>ArticleActions</name>
    <message>
        <source>Delete “{title}”</source>
        <translation>„{title}“ löschen</translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation>&amp;Nächster Artikel</translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation>&amp;Vorheriger Artikel</translation>
    </message>
    <message>
        <source>Mark as &amp;Read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>&amp;Star</source>
        <translation>Mit &amp;Stern markieren</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>&amp;Delete Article…</source>
        <translation>Artikel &amp;löschen…</translation>
    </message>
    <message>
        <source>Next article in the list (Alt+Down or J in the reading pane)</source>
        <translation>Nächster Artikel der Liste (Alt+Unten oder J im Lesebereich)</translation>
    </message>
    <message>
        <source>Previous article in the list (Alt+Up or K in the reading pane)</source>
        <translation>Vorheriger Artikel der Liste (Alt+Oben oder K im Lesebereich)</translation>
    </message>
    <message>
        <source>Archived: listed again under “Archived”.</source>
        <translation>Archiviert: wieder unter „Archiviert“ aufgeführt.</translation>
    </message>
    <message>
        <source>Back in the list.</source>
        <translation>Wieder in der Liste.</translation>
    </message>
    <message>
        <source>The reading state could not be saved: {error}</source>
        <translation>Der Lesestatus konnte nicht gespeichert werden: {error}</translation>
    </message>
    <message>
        <source>This is the last article in the list.</source>
        <translation>Dies ist der letzte Artikel der Liste.</translation>
    </message>
    <message>
        <source>This is the first.</source>
        <translation>Dies ist der erste.</translation>
    </message>
    <message>
        <source>article {id}</source>
        <translation>Artikel {id}</translation>
    </message>
    <message>
        <source>“{title}” has notes. Delete the article with them?</source>
        <translation>„{title}“ hat Notizen. Den Artikel mitsamt Notizen löschen?</translation>
    </message>
    <message>
        <source>“{title}” has 1 note. Delete the article with it?</source>
        <translation>„{title}“ hat 1 Notiz. Den Artikel mitsamt Notiz löschen?</translation>
    </message>
    <message>
        <source>“{title}” has {count} notes. Delete the article with them?</source>
        <translation>„{title}“ hat {count} Notizen. Den Artikel mitsamt Notizen löschen?</translation>
    </message>
    <message>
        <source>(Edit ▸ Undo brings it back.)</source>
        <translation>(Bearbeiten ▸ Rückgängig holt ihn zurück.)</translation>
    </message>
    <message>
        <source>Delete Article</source>
        <translation>Artikel löschen</translation>
    </message>
    <message>
        <source>Deleted “{title}”. Edit ▸ Undo brings it back.</source>
        <translation>„{title}“ gelöscht. Bearbeiten ▸ Rückgängig holt ihn zurück.</translation>
    </message>
    <message>
        <source>Deleted “{title}” with 1 note. Edit ▸ Undo brings it back.</source>
        <translation>„{title}“ mit 1 Notiz gelöscht. Bearbeiten ▸ Rückgängig holt ihn zurück.</translation>
    </message>
    <message>
        <source>Deleted “{title}” with {count} notes. Edit ▸ Undo brings it back.</source>
        <translation>„{title}“ mit {count} Notizen gelöscht. Bearbeiten ▸ Rückgängig holt ihn zurück.</translation>
    </message>
    <message>
        <source>The article could not be deleted: {error}</source>
        <translation>Der Artikel konnte nicht gelöscht werden: {error}</translation>
    </message>
</context>
<context>
    <name>ArticleMetaDialog</name>
    <message>
        <source>Article details</source>
        <translation>Artikeldetails</translation>
    </message>
    <message>
        <source>YYYY-MM-DD; empty: no date known</source>
        <translation>JJJJ-MM-TT; leer: kein Datum bekannt</translation>
    </message>
    <message>
        <source>e.g. the newspaper or agency; empty: none</source>
        <translation>z. B. die Zeitung oder Agentur; leer: keine</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Published:</source>
        <translation>&amp;Erschienen:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>The publication date is the day the article appeared; without one, timelines count it at the day it was imported ({date}).</source>
        <translation>Das Erscheinungsdatum ist der Tag, an dem der Artikel erschien; ohne eines zählen Zeitleisten ihn am Tag des Imports ({date}).</translation>
    </message>
    <message>
        <source>The publication date is the day the article appeared; without one, timelines count it at the day it was imported.</source>
        <translation>Das Erscheinungsdatum ist der Tag, an dem der Artikel erschien; ohne eines zählen Zeitleisten ihn am Tag des Imports.</translation>
    </message>
    <message>
        <source>An article&apos;s title cannot be empty.</source>
        <translation>Der Titel eines Artikels darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A title can have at most {limit} characters (this one has {count}).</source>
        <translation>Ein Titel darf höchstens {limit} Zeichen haben (dieser hat {count}).</translation>
    </message>
    <message>
        <source>“{text}” is not a date; give it as YYYY-MM-DD (or leave it empty).</source>
        <translation>„{text}“ ist kein Datum; geben Sie es als JJJJ-MM-TT an (oder lassen Sie das Feld leer).</translation>
    </message>
    <message>
        <source>A source name can have at most {limit} characters.</source>
        <translation>Der Name einer Quelle darf höchstens {limit} Zeichen haben.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>The details were written to {path}.</source>
        <translation>Die Einzelheiten wurden in {path} gespeichert.</translation>
    </message>
    <message>
        <source>The details could not be saved.</source>
        <translation>Die Einzelheiten konnten nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Etwas ist schiefgegangen: {error}</translation>
    </message>
    <message>
        <source>Your library is safe; you can keep working, but restarting is wise.</source>
        <translation>Ihre Bibliothek ist sicher; Sie können weiterarbeiten, ein Neustart ist aber ratsam.</translation>
    </message>
    <message>
        <source>Briefing Reader – Unexpected error</source>
        <translation>Briefing Reader – Unerwarteter Fehler</translation>
    </message>
</context>
<context>
    <name>DossierModels</name>
    <message>
        <source>undated</source>
        <translation>undatiert</translation>
    </message>
    <message>
        <source>imported {date}</source>
        <translation>importiert am {date}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Aussage</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>No publication date known: the import date is used</source>
        <translation>Kein Erscheinungsdatum bekannt: Das Importdatum wird verwendet</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Nennungen</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>{name}: double-click for the dossier</source>
        <translation>{name}: Doppelklick öffnet das Dossier</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>Sentences naming both</source>
        <translation>Sätze, in denen beide genannt werden</translation>
    </message>
    <message>
        <source>Article {id}</source>
        <translation>Artikel {id}</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>The dossier shown before this one (Alt+Left)</source>
        <translation>Das zuvor gezeigte Dossier (Alt+Links)</translation>
    </message>
    <message>
        <source>Export to Markdown…</source>
        <translation>Als Markdown exportieren…</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>pro Woche</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>pro Monat</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>Load every article, statement and role (the lists show the newest)</source>
        <translation>Alle Artikel, Aussagen und Rollen laden (die Listen zeigen die neuesten)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Articles over time&lt;/b&gt;</source>
        <translation>&lt;b&gt;Artikel im Zeitverlauf&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Related actors</source>
        <translation>Verbundene Akteure</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>What they said</source>
        <translation>Aussagen</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>Ihre Notizen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>{error} (the actor may have been merged into another or removed).</source>
        <translation>{error} (der Akteur wurde vielleicht mit einem anderen zusammengeführt oder entfernt).</translation>
    </message>
    <message>
        <source>Dossier: {name}</source>
        <translation>Dossier: {name}</translation>
    </message>
    <message>
        <source>1 article</source>
        <translation>1 Artikel</translation>
    </message>
    <message>
        <source>{n} articles</source>
        <translation>{n} Artikel</translation>
    </message>
    <message>
        <source>1 mention</source>
        <translation>1 Nennung</translation>
    </message>
    <message>
        <source>{n} mentions</source>
        <translation>{n} Nennungen</translation>
    </message>
    <message>
        <source>1 statement</source>
        <translation>1 Aussage</translation>
    </message>
    <message>
        <source>{n} statements</source>
        <translation>{n} Aussagen</translation>
    </message>
    <message>
        <source>roles: {roles}</source>
        <translation>Rollen: {roles}</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>und {n} weitere</translation>
    </message>
    <message>
        <source>Also named: {shown}</source>
        <translation>Auch genannt: {shown}</translation>
    </message>
    <message>
        <source>No other names in the library.</source>
        <translation>Keine anderen Namen in der Bibliothek.</translation>
    </message>
    <message>
        <source>{title} ({shown} of {total})</source>
        <translation>{title} ({shown} von {total})</translation>
    </message>
    <message>
        <source>The lists show the newest {n} of each kind.</source>
        <translation>Die Listen zeigen jeweils die neuesten {n}.</translation>
    </message>
    <message>
        <source>Hatched: 1 article without a publication date, counted at the day imported.</source>
        <translation>Schraffiert: 1 Artikel ohne Erscheinungsdatum, gezählt am Tag des Imports.</translation>
    </message>
    <message>
        <source>Hatched: {n} articles without a publication date, counted at the day imported.</source>
        <translation>Schraffiert: {n} Artikel ohne Erscheinungsdatum, gezählt am Tag des Imports.</translation>
    </message>
    <message>
        <source>Export Dossier</source>
        <translation>Dossier exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation>Markdown (*.md);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>{name} already exists. Replace it?</source>
        <translation>{name} gibt es bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Dossier exported to {path}.</source>
        <translation>Dossier nach {path} exportiert.</translation>
    </message>
    <message>
        <source>The dossier could not be exported: {error}</source>
        <translation>Das Dossier konnte nicht exportiert werden: {error}</translation>
    </message>
</context>
<context>
    <name>EditConflicts</name>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
    <message>
        <source>Note changed by someone else</source>
        <translation>Notiz von jemand anderem geändert</translation>
    </message>
    <message>
        <source>{who} saved this note while you were editing it, so your change was not saved over theirs. Reload their version, or keep yours as a copy beside it.</source>
        <translation>{who} hat diese Notiz gespeichert, während Sie sie bearbeitet haben; Ihre Änderung hat die andere daher nicht überschrieben. Laden Sie die andere Fassung neu oder behalten Sie Ihre als Kopie daneben.</translation>
    </message>
    <message>
        <source>Theirs ({who})</source>
        <translation>Die andere ({who})</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Ihre</translation>
    </message>
    <message>
        <source>Reload Theirs</source>
        <translation>Andere neu laden</translation>
    </message>
    <message>
        <source>Show their version; your text is put on the clipboard</source>
        <translation>Die andere Fassung zeigen; Ihr Text kommt in die Zwischenablage</translation>
    </message>
    <message>
        <source>Keep a Copy</source>
        <translation>Kopie behalten</translation>
    </message>
    <message>
        <source>Save your text as a new note on the same passage</source>
        <translation>Ihren Text als neue Notiz zur selben Passage speichern</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>(keine Notiz)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>The vault holds a note for every article with highlights and for every actor named in them, linked with [[wikilinks]]. Exporting again updates those notes in place and keeps what you wrote below their marker line.</source>
        <translation>Der Vault enthält eine Notiz für jeden Artikel mit Markierungen und für jeden darin genannten Akteur, verknüpft mit [[Wikilinks]]. Ein erneuter Export aktualisiert diese Notizen an Ort und Stelle und behält, was Sie unter ihre Markierungszeile geschrieben haben.</translation>
    </message>
    <message>
        <source>{title} – notes</source>
        <translation>{title} – Notizen</translation>
    </message>
    <message>
        <source>notes tagged {tag}</source>
        <translation>Notizen mit Schlagwort {tag}</translation>
    </message>
    <message>
        <source>notes on {actor}</source>
        <translation>Notizen zu {actor}</translation>
    </message>
    <message>
        <source>briefing notes</source>
        <translation>Briefing-Notizen</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>Notizen exportieren</translation>
    </message>
    <message>
        <source>Export the notes of</source>
        <translation>Welche Notizen</translation>
    </message>
    <message>
        <source>This article: {title}</source>
        <translation>Dieser Artikel: {title}</translation>
    </message>
    <message>
        <source>This article</source>
        <translation>Dieser Artikel</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>The whole library</source>
        <translation>Die ganze Bibliothek</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Markdown file</source>
        <translation>Markdown-Datei</translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <source>Obsidian vault (a folder of linked notes)</source>
        <translation>Obsidian-Vault (ein Ordner verknüpfter Notizen)</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>Exportdatei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Exportformat</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Vault-Ordner</translation>
    </message>
    <message>
        <source>Choose the vault folder…</source>
        <translation>Vault-Ordner wählen…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>JSON file</source>
        <translation>JSON-Datei</translation>
    </message>
    <message>
        <source>Obsidian Vault Folder</source>
        <translation>Obsidian-Vault-Ordner</translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation>Markdown (*.md);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Wählen Sie eine Datei für den Export.</translation>
    </message>
    <message>
        <source>{name} already exists. Replace it?</source>
        <translation>{name} gibt es bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder.</source>
        <translation>{folder} ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>Writing the vault…</source>
        <translation>Vault wird geschrieben…</translation>
    </message>
    <message>
        <source>Obsidian vault written: {summary}.</source>
        <translation>Obsidian-Vault geschrieben: {summary}.</translation>
    </message>
    <message>
        <source>The notes could not be exported: {error}</source>
        <translation>Die Notizen konnten nicht exportiert werden: {error}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation>Im Artikel suchen</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Suchleiste schließen</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>{number} of {total}</source>
        <translation>{number} von {total}</translation>
    </message>
</context>
<context>
    <name>FirstHint</name>
    <message>
        <source>&lt;b&gt;New here?&lt;/b&gt; Choose an article on the left to read it.</source>
        <translation>&lt;b&gt;Neu hier?&lt;/b&gt; Wählen Sie links einen Artikel, um ihn zu lesen.</translation>
    </message>
    <message>
        <source>Select words and press {key} to highlight them;</source>
        <translation>Wörter auswählen und {key} drücken, um sie zu markieren;</translation>
    </message>
    <message>
        <source>a colour</source>
        <translation>eine Farbe</translation>
    </message>
    <message>
        <source>click a highlight to add a note.</source>
        <translation>auf eine Markierung klicken, um eine Notiz hinzuzufügen.</translation>
    </message>
    <message>
        <source>{keys} go to the next article.</source>
        <translation>{keys} führt zum nächsten Artikel.</translation>
    </message>
    <message>
        <source>View ▸ All Notes</source>
        <translation>Ansicht ▸ Alle Notizen</translation>
    </message>
    <message>
        <source>{key} lists every note;</source>
        <translation>{key} listet alle Notizen auf;</translation>
    </message>
    <message>
        <source>Help ▸ Keyboard Shortcuts</source>
        <translation>Hilfe ▸ Tastenkürzel</translation>
    </message>
    <message>
        <source>{key} shows all keys.</source>
        <translation>{key} zeigt alle Tastenkürzel.</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Verstanden</translation>
    </message>
    <message>
        <source>Dismiss the hint</source>
        <translation>Hinweis ausblenden</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Neue Fassung</translation>
    </message>
    <message>
        <source>Already in library</source>
        <translation>Schon in der Bibliothek</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>{n} imported</source>
        <translation>{n} importiert</translation>
    </message>
    <message>
        <source>{n} updated to a new version</source>
        <translation>{n} auf eine neue Fassung aktualisiert</translation>
    </message>
    <message>
        <source>{n} already in the library</source>
        <translation>{n} schon in der Bibliothek</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <translation>{n} fehlgeschlagen</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Importbericht</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the report as text</source>
        <translation>Den Bericht als Text kopieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop importing after the current file</source>
        <translation>Den Import nach der aktuellen Datei beenden</translation>
    </message>
    <message>
        <source>No such file or folder.</source>
        <translation>Diese Datei oder diesen Ordner gibt es nicht.</translation>
    </message>
    <message>
        <source>The folder holds no importable files.</source>
        <translation>Der Ordner enthält keine importierbaren Dateien.</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} Elemente</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>{name} wird importiert…</translation>
    </message>
    <message>
        <source>(pasted text)</source>
        <translation>(eingefügter Text)</translation>
    </message>
    <message>
        <source>Importing the pasted text…</source>
        <translation>Der eingefügte Text wird importiert…</translation>
    </message>
    <message>
        <source>Cancelling the import…</source>
        <translation>Import wird abgebrochen…</translation>
    </message>
    <message>
        <source>Importing {name} ({done} of {total})…</source>
        <translation>{name} wird importiert ({done} von {total})…</translation>
    </message>
    <message>
        <source>The import stopped: {error}</source>
        <translation>Der Import wurde abgebrochen: {error}</translation>
    </message>
    <message>
        <source>Import cancelled: {summary}</source>
        <translation>Import abgebrochen: {summary}</translation>
    </message>
</context>
<context>
    <name>LibraryFilterBar</name>
    <message>
        <source>Not archived</source>
        <extracomment>The reading-state views as the window names them (keys of STATE_VIEWS).</extracomment>
        <translation>Nicht archiviert</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Mit Stern</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Alle Artikel</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Nach Schlagwort filtern</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <source>Filter by actor</source>
        <translation>Nach Akteur filtern</translation>
    </message>
    <message>
        <source>All actors</source>
        <translation>Alle Akteure</translation>
    </message>
    <message>
        <source>Has notes</source>
        <translation>Mit Notizen</translation>
    </message>
    <message>
        <source>Filter by author</source>
        <translation>Nach Autor filtern</translation>
    </message>
    <message>
        <source>Articles this person imported or annotated</source>
        <translation>Artikel, die diese Person importiert oder kommentiert hat</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>Alle Autoren</translation>
    </message>
    <message>
        <source>Show articles by reading state</source>
        <translation>Artikel nach Lesestatus zeigen</translation>
    </message>
    <message>
        <source>Which articles to list: archived ones are hidden unless chosen here</source>
        <translation>Welche Artikel aufgelistet werden: Archivierte sind ausgeblendet, außer sie werden hier gewählt</translation>
    </message>
    <message>
        <source>Loading the filters failed: {error}</source>
        <translation>Die Filter konnten nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>{name} ({kind}, 1 article)</source>
        <translation>{name} ({kind}, 1 Artikel)</translation>
    </message>
    <message>
        <source>{name} ({kind}, {n} articles)</source>
        <translation>{name} ({kind}, {n} Artikel)</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>The outlet or website the article comes from</source>
        <translation>Das Medium oder die Website, von der der Artikel stammt</translation>
    </message>
    <message>
        <source>Publication date; where an article has none, its import date in grey italics</source>
        <translation>Erscheinungsdatum; fehlt es, steht das Importdatum grau und kursiv</translation>
    </message>
    <message>
        <source>Published {date}</source>
        <translation>Erschienen am {date}</translation>
    </message>
    <message>
        <source>Imported {date} (no publication date known)</source>
        <translation>Importiert am {date} (kein Erscheinungsdatum bekannt)</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Mit Stern</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Loading the list failed: {error}</source>
        <translation>Die Liste konnte nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>Search the library…</source>
        <translation>Bibliothek durchsuchen…</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>1 article</source>
        <translation>1 Artikel</translation>
    </message>
    <message>
        <source>{n} articles</source>
        <translation>{n} Artikel</translation>
    </message>
    <message>
        <source>{shown} of 1 article</source>
        <translation>{shown} von 1 Artikel</translation>
    </message>
    <message>
        <source>{shown} of {n} articles</source>
        <translation>{shown} von {n} Artikeln</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Read, annotate and export news and briefings offline.</source>
        <translation>Nachrichten und Briefings offline lesen, kommentieren und exportieren.</translation>
    </message>
    <message>
        <source>Briefing Reader</source>
        <translation>Briefing Reader</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>All notes</source>
        <translation>Alle Notizen</translation>
    </message>
    <message>
        <source>Notes exported to {path}.</source>
        <translation>Notizen nach {path} exportiert.</translation>
    </message>
    <message>
        <source>Notes copied.</source>
        <translation>Notizen kopiert.</translation>
    </message>
    <message>
        <source>Obsidian vault: {summary}.</source>
        <translation>Obsidian-Vault: {summary}.</translation>
    </message>
    <message>
        <source>Notes imported: {summary}.</source>
        <translation>Notizen importiert: {summary}.</translation>
    </message>
    <message>
        <source>reading pane</source>
        <translation>Lesebereich</translation>
    </message>
    <message>
        <source>article list</source>
        <translation>Artikelliste</translation>
    </message>
    <message>
        <source>&lt;b&gt;Briefing Reader&lt;/b&gt;&lt;br&gt;{about}</source>
        <translation>&lt;b&gt;Briefing Reader&lt;/b&gt;&lt;br&gt;{about}</translation>
    </message>
    <message>
        <source>About Briefing Reader</source>
        <translation>Über Briefing Reader</translation>
    </message>
</context>
<context>
    <name>ModelNotice</name>
    <message>
        <source>⚠ Entity model</source>
        <translation>⚠ Erkennungsmodell</translation>
    </message>
</context>
<context>
    <name>NetworkScene</name>
    <message>
        <source>{name}
{kind} · 1 mention</source>
        <translation>{name}
{kind} · 1 Nennung</translation>
    </message>
    <message>
        <source>{name}
{kind} · {n} mentions</source>
        <translation>{name}
{kind} · {n} Nennungen</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>This article</source>
        <translation>Dieser Artikel</translation>
    </message>
    <message>
        <source>Selected actor&apos;s neighbourhood</source>
        <translation>Umfeld des ausgewählten Akteurs</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>Ganze Bibliothek</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Beziehungen</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>mindestens </translation>
    </message>
    <message>
        <source> shared sentence(s)</source>
        <translation> gemeinsame Sätze</translation>
    </message>
    <message>
        <source>Links between actors named together in fewer sentences are left out</source>
        <translation>Verbindungen zwischen Akteuren, die in weniger Sätzen gemeinsam genannt werden, werden ausgelassen</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole network</source>
        <translation>Das ganze Netzwerk zeigen</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>  · size: mentions · line width: shared sentences</source>
        <translation>  · Größe: Nennungen · Linienstärke: gemeinsame Sätze</translation>
    </message>
    <message>
        <source>Open an article to see the relations in it.</source>
        <translation>Öffnen Sie einen Artikel, um seine Beziehungen zu sehen.</translation>
    </message>
    <message>
        <source>Select an actor (in the sidebar, the text or here) to see its neighbourhood.</source>
        <translation>Wählen Sie einen Akteur (in der Seitenleiste, im Text oder hier), um sein Umfeld zu sehen.</translation>
    </message>
    <message>
        <source>Laying out the network…</source>
        <translation>Netzwerk wird angeordnet…</translation>
    </message>
    <message>
        <source>The network could not be drawn: {error}</source>
        <translation>Das Netzwerk konnte nicht gezeichnet werden: {error}</translation>
    </message>
    <message>
        <source>No two actors are named in the same sentence here (try a lower minimum).</source>
        <translation>Hier werden keine zwei Akteure im selben Satz genannt (versuchen Sie ein niedrigeres Minimum).</translation>
    </message>
    <message>
        <source>{actors} actors, {links} links. Click an actor to select it, double-click for its dossier; the wheel zooms, dragging moves.</source>
        <translation>{actors} Akteure, {links} Verbindungen. Klick wählt einen Akteur aus, Doppelklick öffnet sein Dossier; das Mausrad zoomt, Ziehen verschiebt.</translation>
    </message>
</context>
<context>
    <name>NotesDelegate</name>
    <message>
        <source>(no longer found in the text)</source>
        <translation>(nicht mehr im Text gefunden)</translation>
    </message>
</context>
<context>
    <name>NotesFilterBar</name>
    <message>
        <source>Any time</source>
        <extracomment>Period choices: label and the number of days back (0: today only; None: any time; -1: custom).</extracomment>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Past 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Past 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Past 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>Zeitraum…</translation>
    </message>
    <message>
        <source>Search notes and passages…</source>
        <translation>Notizen und Passagen durchsuchen…</translation>
    </message>
    <message>
        <source>Search notes and passages</source>
        <translation>Notizen und Passagen durchsuchen</translation>
    </message>
    <message>
        <source>Filter by colour meaning</source>
        <translation>Nach Farbbedeutung filtern</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>Alle Farben</translation>
    </message>
    <message>
        <source>Filter by tag (sub-tags included)</source>
        <translation>Nach Schlagwort filtern (mit Unterschlagwörtern)</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <source>Filter by actor named in the passage</source>
        <translation>Nach in der Passage genanntem Akteur filtern</translation>
    </message>
    <message>
        <source>All actors</source>
        <translation>Alle Akteure</translation>
    </message>
    <message>
        <source>Filter by article</source>
        <translation>Nach Artikel filtern</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Alle Artikel</translation>
    </message>
    <message>
        <source>Filter by who made the note</source>
        <translation>Danach filtern, wer die Notiz angelegt hat</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>Alle Autoren</translation>
    </message>
    <message>
        <source>Filter by the day the note was made</source>
        <translation>Nach dem Tag filtern, an dem die Notiz entstand</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
</context>
<context>
    <name>NotesImport</name>
    <message>
        <source>… and {n} more</source>
        <translation>… und {n} weitere</translation>
    </message>
    <message>
        <source>Import Notes</source>
        <translation>Notizen importieren</translation>
    </message>
    <message>
        <source>Web Annotations (*.json *.jsonld);;All files (*)</source>
        <translation>Web Annotations (*.json *.jsonld);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Notes imported: {summary}.</source>
        <translation>Notizen importiert: {summary}.</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>Noted {date}</source>
        <translation>Notiert am {date}</translation>
    </message>
    <message>
        <source>By {name}</source>
        <translation>Von {name}</translation>
    </message>
    <message>
        <source>Last changed by {name}</source>
        <translation>Zuletzt geändert von {name}</translation>
    </message>
    <message>
        <source>The passage is no longer found in the article&apos;s text.</source>
        <translation>Die Passage wird im Text des Artikels nicht mehr gefunden.</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>No notes yet. Select words in an article and press Ctrl+H (or a colour) to highlight them.</source>
        <translation>Noch keine Notizen. Wählen Sie Wörter in einem Artikel aus und drücken Sie Strg+H (oder eine Farbe), um sie zu markieren.</translation>
    </message>
    <message>
        <source>No note matches these filters.</source>
        <translation>Keine Notiz passt zu diesen Filtern.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export the notes listed (as filtered) to Markdown</source>
        <translation>Die aufgelisteten (gefilterten) Notizen als Markdown exportieren</translation>
    </message>
    <message>
        <source>Save as Markdown…</source>
        <translation>Als Markdown speichern…</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>Als Markdown kopieren</translation>
    </message>
    <message>
        <source>The notes could not be loaded: {error}</source>
        <translation>Die Notizen konnten nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 Notiz</translation>
    </message>
    <message>
        <source>{n} notes</source>
        <translation>{n} Notizen</translation>
    </message>
    <message>
        <source>{name} already exists. Replace it?</source>
        <translation>{name} gibt es bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>{notes} copied as Markdown.</source>
        <translation>{notes} als Markdown kopiert.</translation>
    </message>
    <message>
        <source>{notes} exported to {path}.</source>
        <translation>{notes} nach {path} exportiert.</translation>
    </message>
    <message>
        <source>The notes could not be exported: {error}</source>
        <translation>Die Notizen konnten nicht exportiert werden: {error}</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>Notizen exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation>Markdown (*.md);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>People</source>
        <extracomment>Ink of each annotation colour name (names as in the annotations service): chips and underlines. The colours on the highlight toolbar, in order; Ctrl+1..Ctrl+5 pick the first five. Ink of each entity type (dotted underline, legend chip, the current mention). Hues kept away from the meaning colours: rose, teal, sand and periwinkle.</extracomment>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Orte</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Important</source>
        <extracomment>The default colour meanings and the colour names, as the window shows them.</extracomment>
        <translation>Wichtig</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>Widerspruch</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Nachverfolgen</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Hintergrund</translation>
    </message>
    <message>
        <source>yellow</source>
        <translation>gelb</translation>
    </message>
    <message>
        <source>green</source>
        <translation>grün</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>blau</translation>
    </message>
    <message>
        <source>red</source>
        <translation>rot</translation>
    </message>
    <message>
        <source>purple</source>
        <translation>lila</translation>
    </message>
    <message>
        <source>pink</source>
        <translation>rosa</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>orange</translation>
    </message>
    <message>
        <source>gray</source>
        <translation>grau</translation>
    </message>
</context>
<context>
    <name>PaneLayout</name>
    <message>
        <source>Show &amp;Library</source>
        <translation>&amp;Bibliothek anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation>&amp;Seitenleiste anzeigen</translation>
    </message>
    <message>
        <source>&amp;Focus Mode</source>
        <translation>&amp;Fokusmodus</translation>
    </message>
    <message>
        <source>Only the text (F11 or Esc leaves)</source>
        <translation>Nur der Text (F11 oder Esc beendet)</translation>
    </message>
</context>
<context>
    <name>QuotesModel</name>
    <message>
        <source>Unnamed sources</source>
        <translation>Ungenannte Quellen</translation>
    </message>
    <message>
        <source>Actor {id}</source>
        <translation>Akteur {id}</translation>
    </message>
    <message>
        <source>Direct quote</source>
        <translation>Direktes Zitat</translation>
    </message>
    <message>
        <source>Reported speech</source>
        <translation>Indirekte Rede</translation>
    </message>
    <message>
        <source>unnamed source ({source})</source>
        <translation>ungenannte Quelle ({source})</translation>
    </message>
    <message>
        <source>no speaker named</source>
        <translation>kein Sprecher genannt</translation>
    </message>
    <message>
        <source>Cue: {cue}</source>
        <translation>Redeeinleitung: {cue}</translation>
    </message>
    <message>
        <source>Corrected by you</source>
        <translation>Von Ihnen korrigiert</translation>
    </message>
    <message>
        <source>Speaker and statement</source>
        <translation>Sprecher und Aussage</translation>
    </message>
    <message>
        <source>1 statement</source>
        <translation>1 Aussage</translation>
    </message>
    <message>
        <source>{n} statements</source>
        <translation>{n} Aussagen</translation>
    </message>
    <message>
        <source>{statements} without a named speaker (anonymous sources, or nobody found)</source>
        <translation>{statements} ohne genannten Sprecher (anonyme Quellen oder niemand gefunden)</translation>
    </message>
    <message>
        <source>{name}: {statements}. Double-click for the dossier.</source>
        <translation>{name}: {statements}. Doppelklick öffnet das Dossier.</translation>
    </message>
</context>
<context>
    <name>QuotesPanel</name>
    <message>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Say who made the selected statement</source>
        <translation>Angeben, wer die ausgewählte Aussage gemacht hat</translation>
    </message>
    <message>
        <source>Not a quote</source>
        <translation>Kein Zitat</translation>
    </message>
    <message>
        <source>Remove the selected statement; it is not found again</source>
        <translation>Die ausgewählte Aussage entfernen; sie wird nicht mehr erkannt</translation>
    </message>
    <message>
        <source>Mark selection as quote…</source>
        <translation>Auswahl als Zitat markieren…</translation>
    </message>
    <message>
        <source>Make the words selected in the text a statement and say who made it</source>
        <translation>Die im Text ausgewählten Wörter zu einer Aussage machen und angeben, wer sie gemacht hat</translation>
    </message>
    <message>
        <source>Open an article to see who said what in it.</source>
        <translation>Öffnen Sie einen Artikel, um zu sehen, wer darin was gesagt hat.</translation>
    </message>
    <message>
        <source>No statements were found in this article. Select words in the text to mark one.</source>
        <translation>In diesem Artikel wurden keine Aussagen gefunden. Wählen Sie Wörter im Text aus, um eine zu markieren.</translation>
    </message>
    <message>
        <source>1 statement</source>
        <translation>1 Aussage</translation>
    </message>
    <message>
        <source>{n} statements</source>
        <translation>{n} Aussagen</translation>
    </message>
    <message>
        <source>by 1 named speaker.</source>
        <translation>von 1 genannten Sprecher.</translation>
    </message>
    <message>
        <source>by {n} named speakers.</source>
        <translation>von {n} genannten Sprechern.</translation>
    </message>
    <message>
        <source>Click one to find it in the text.</source>
        <translation>Ein Klick zeigt sie im Text.</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Andere…</translation>
    </message>
    <message>
        <source>Select the words of the statement in the text first.</source>
        <translation>Wählen Sie zuerst die Wörter der Aussage im Text aus.</translation>
    </message>
    <message>
        <source>Change speaker</source>
        <translation>Sprecher ändern</translation>
    </message>
    <message>
        <source>Dossier of {name}</source>
        <translation>Dossier von {name}</translation>
    </message>
    <message>
        <source>Dossier of the speaker</source>
        <translation>Dossier des Sprechers</translation>
    </message>
    <message>
        <source>no speaker named</source>
        <translation>kein Sprecher genannt</translation>
    </message>
    <message>
        <source>Statement ({who})</source>
        <translation>Aussage ({who})</translation>
    </message>
    <message>
        <source>Mark as quote…</source>
        <translation>Als Zitat markieren…</translation>
    </message>
</context>
<context>
    <name>ReaderEditing</name>
    <message>
        <source>Select the words to highlight first.</source>
        <translation>Wählen Sie zuerst die Wörter aus, die Sie markieren möchten.</translation>
    </message>
    <message>
        <source>Select the words to mark as an actor first.</source>
        <translation>Wählen Sie zuerst die Wörter aus, die Sie als Akteur markieren möchten.</translation>
    </message>
    <message>
        <source>Mark as actor</source>
        <translation>Als Akteur markieren</translation>
    </message>
</context>
<context>
    <name>ReaderToolbar</name>
    <message>
        <source>Quotes</source>
        <translation>Zitate</translation>
    </message>
    <message>
        <source>Highlight:</source>
        <translation>Markieren:</translation>
    </message>
    <message>
        <source>All highlight colours; rename what a colour means</source>
        <translation>Alle Markierungsfarben; die Bedeutung einer Farbe umbenennen</translation>
    </message>
    <message>
        <source>{label}: show or hide their highlights</source>
        <translation>{label}: Hervorhebung zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>Ctrl+H or {key}</source>
        <translation>Strg+H oder {key}</translation>
    </message>
    <message>
        <source>Highlight: {meaning}{hint}
Right-click to rename the meaning</source>
        <translation>Markieren: {meaning}{hint}
Rechtsklick benennt die Bedeutung um</translation>
    </message>
    <message>
        <source>Quotes: show or hide the marks of who said what</source>
        <translation>Zitate: die Kennzeichnung, wer was gesagt hat, zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>Show or hide the marks of quoted and reported statements</source>
        <translation>Die Kennzeichnung direkter und indirekter Aussagen zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>Rename colour meaning</source>
        <translation>Farbbedeutung umbenennen</translation>
    </message>
    <message>
        <source>Rename colour meaning…</source>
        <translation>Farbbedeutung umbenennen…</translation>
    </message>
    <message>
        <source>What do you use {color} for?</source>
        <translation>Wofür verwenden Sie {color}?</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>Mark as actor</source>
        <translation>Als Akteur markieren</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Choose an article in the library to read it here.</source>
        <translation>Wählen Sie einen Artikel in der Bibliothek, um ihn hier zu lesen.</translation>
    </message>
    <message>
        <source>Highlight in the default colour: {label}</source>
        <translation>In der Standardfarbe markieren: {label}</translation>
    </message>
    <message>
        <source>Highlight: {label}</source>
        <translation>Markieren: {label}</translation>
    </message>
    <message>
        <source>The passage of this note is no longer found in the text.</source>
        <translation>Die Passage dieser Notiz wird im Text nicht mehr gefunden.</translation>
    </message>
</context>
<context>
    <name>ReadingDoc</name>
    <message>
        <source>imported {date}</source>
        <translation>importiert am {date}</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
    <message>
        <source>&lt;i&gt;no note&lt;/i&gt;</source>
        <translation>&lt;i&gt;keine Notiz&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>ReanalysisRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop after the current article (the finished ones are kept)</source>
        <translation>Nach dem aktuellen Artikel aufhören (die fertigen bleiben erhalten)</translation>
    </message>
    <message>
        <source>Finding quotes in older articles: {done} of {total}</source>
        <translation>Zitate in älteren Artikeln werden gesucht: {done} von {total}</translation>
    </message>
    <message>
        <source>Stopping after the current article…</source>
        <translation>Wird nach dem aktuellen Artikel beendet…</translation>
    </message>
    <message>
        <source>Quotes found in 1 older article ({quotes} in all).</source>
        <translation>Zitate in 1 älteren Artikel gefunden (insgesamt {quotes}).</translation>
    </message>
    <message>
        <source>Quotes found in {n} older articles ({quotes} in all).</source>
        <translation>Zitate in {n} älteren Artikeln gefunden (insgesamt {quotes}).</translation>
    </message>
    <message>
        <source>Stopped; {n} older articles brought up to date, the rest at the next start.</source>
        <translation>Angehalten; {n} ältere Artikel aktualisiert, der Rest beim nächsten Start.</translation>
    </message>
    <message>
        <source>Older articles could not be analysed: {error}</source>
        <translation>Ältere Artikel konnten nicht analysiert werden: {error}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Library damaged</source>
        <translation>Bibliothek beschädigt</translation>
    </message>
    <message>
        <source>The library file is damaged; changes to it are refused until it is repaired.</source>
        <translation>Die Bibliotheksdatei ist beschädigt; Änderungen werden abgelehnt, bis sie repariert ist.</translation>
    </message>
    <message>
        <source>The check reported: {problem}</source>
        <translation>Die Prüfung meldete: {problem}</translation>
    </message>
    <message>
        <source>There is no backup to restore.</source>
        <translation>Es gibt keine Sicherung zum Wiederherstellen.</translation>
    </message>
    <message>
        <source>Restore the newest backup ({name})? The damaged file is kept in the backups folder.</source>
        <translation>Die neueste Sicherung ({name}) wiederherstellen? Die beschädigte Datei bleibt im Sicherungsordner erhalten.</translation>
    </message>
    <message>
        <source>The daily backup could not be made: {backup_error}</source>
        <translation>Die tägliche Sicherung konnte nicht erstellt werden: {backup_error}</translation>
    </message>
    <message>
        <source>Restored the library from {name}</source>
        <translation>Bibliothek aus {name} wiederhergestellt</translation>
    </message>
    <message>
        <source>The restore failed: {error}</source>
        <translation>Die Wiederherstellung ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>The library could not be checked: {error}</source>
        <translation>Die Bibliothek konnte nicht geprüft werden: {error}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>in the {places}</source>
        <translation>in: {places}</translation>
    </message>
    <message>
        <source> and the </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter shortcuts…</source>
        <translation>Tastenkürzel filtern…</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>SidebarView</name>
    <message>
        <source>Actors</source>
        <translation>Akteure</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Anmerkungen</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Zitate</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>Alle Farben</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
</context>
<context>
    <name>SpeakerDialog</name>
    <message>
        <source>Mark as quote</source>
        <translation>Als Zitat markieren</translation>
    </message>
    <message>
        <source>No speaker named (an unnamed source)</source>
        <translation>Kein Sprecher genannt (eine ungenannte Quelle)</translation>
    </message>
    <message>
        <source>Who said “{words}”?</source>
        <translation>Wer hat „{words}“ gesagt?</translation>
    </message>
    <message>
        <source>Filter actors</source>
        <translation>Akteure filtern</translation>
    </message>
    <message>
        <source>Direct quote (the speaker&apos;s own words)</source>
        <translation>Direktes Zitat (die eigenen Worte des Sprechers)</translation>
    </message>
    <message>
        <source>Reported speech</source>
        <translation>Indirekte Rede</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>No dated articles.</source>
        <translation>Keine datierten Artikel.</translation>
    </message>
    <message>
        <source>1 article from {first} to {last}; most in {busiest} ({most}).</source>
        <translation>1 Artikel von {first} bis {last}; die meisten in {busiest} ({most}).</translation>
    </message>
    <message>
        <source>{n} articles from {first} to {last}; most in {busiest} ({most}).</source>
        <translation>{n} Artikel von {first} bis {last}; die meisten in {busiest} ({most}).</translation>
    </message>
    <message>
        <source>{n} dated by import.</source>
        <translation>{n} nach Importdatum datiert.</translation>
    </message>
    <message>
        <source>No dated articles</source>
        <translation>Keine datierten Artikel</translation>
    </message>
    <message>
        <source>1 article</source>
        <translation>1 Artikel</translation>
    </message>
    <message>
        <source>{n} articles</source>
        <translation>{n} Artikel</translation>
    </message>
    <message>
        <source>({n} dated by import: no publication date known)</source>
        <translation>({n} nach Importdatum datiert: kein Erscheinungsdatum bekannt)</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Could not undo or redo “{action}”: {error}</source>
        <translation>„{action}“ konnte nicht rückgängig gemacht oder wiederholt werden: {error}</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Edit highlight</source>
        <translation>Markierung bearbeiten</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>Could not highlight</source>
        <translation>Markieren fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not save the annotation</source>
        <translation>Die Anmerkung konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Keep a copy</source>
        <translation>Kopie behalten</translation>
    </message>
    <message>
        <source>Could not keep a copy of your note (it is on the clipboard): {error}</source>
        <translation>Eine Kopie Ihrer Notiz konnte nicht behalten werden (sie ist in der Zwischenablage): {error}</translation>
    </message>
    <message>
        <source>Delete highlight</source>
        <translation>Markierung löschen</translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation>Löschen fehlgeschlagen</translation>
    </message>
    <message>
        <source>{action} failed</source>
        <translation>{action} fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>UserNameDialog</name>
    <message>
        <source>Your Name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>User Name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Your name is recorded with your notes, corrections and imports, so that people sharing this library can tell whose is whose.</source>
        <translation>Ihr Name wird zu Ihren Notizen, Korrekturen und Importen gespeichert, damit alle, die diese Bibliothek teilen, erkennen, was von wem ist.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>e.g. your first name or initials</source>
        <translation>z. B. Ihr Vorname oder Ihre Initialen</translation>
    </message>
    <message>
        <source>A name needs at least one visible character.</source>
        <translation>Ein Name braucht mindestens ein sichtbares Zeichen.</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Exact</source>
        <translation>Genau</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Check: changed</source>
        <translation>Prüfen: geändert</translation>
    </message>
    <message>
        <source>Orphaned</source>
        <translation>Verwaist</translation>
    </message>
    <message>
        <source>{n} exact</source>
        <extracomment>How many annotations are in each state, for the summary line.</extracomment>
        <translation>{n} genau</translation>
    </message>
    <message>
        <source>{n} moved</source>
        <translation>{n} verschoben</translation>
    </message>
    <message>
        <source>{n} fuzzy</source>
        <translation>{n} unscharf</translation>
    </message>
    <message>
        <source>{n} orphaned</source>
        <translation>{n} verwaist</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Fassung</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Zeichen</translation>
    </message>
    <message>
        <source>{n} (current)</source>
        <translation>{n} (aktuell)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Article Versions</source>
        <translation>Artikelfassungen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>1 version</source>
        <translation>1 Fassung</translation>
    </message>
    <message>
        <source>{n} versions</source>
        <translation>{n} Fassungen</translation>
    </message>
    <message>
        <source>{n} to check.</source>
        <translation>{n} zu prüfen.</translation>
    </message>
    <message>
        <source>This article has only one version.</source>
        <translation>Dieser Artikel hat nur eine Fassung.</translation>
    </message>
    <message>
        <source>The versions could not be loaded: {error}</source>
        <translation>Die Fassungen konnten nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>Open an article to see its versions.</source>
        <translation>Öffnen Sie einen Artikel, um seine Fassungen zu sehen.</translation>
    </message>
</context>
<context>
    <name>WindowImporting</name>
    <message>
        <source>The library could not be read: {error}</source>
        <translation>Die Bibliothek konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>Dateien importieren</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>Ordner importieren</translation>
    </message>
    <message>
        <source>The clipboard holds no text to import.</source>
        <translation>Die Zwischenablage enthält keinen Text zum Importieren.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Your notes, corrections and imports are recorded as {name}.</source>
        <extracomment>View ▸ Language: each language named in itself, so a reader finds their own.</extracomment>
        <translation>Ihre Notizen, Korrekturen und Importe werden als {name} gespeichert.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>Dateien &amp;importieren…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>&amp;Ordner importieren…</translation>
    </message>
    <message>
        <source>&amp;Paste as New Article</source>
        <translation>Als neuen Artikel ein&amp;fügen</translation>
    </message>
    <message>
        <source>&amp;Export Notes…</source>
        <translation>Notizen &amp;exportieren…</translation>
    </message>
    <message>
        <source>Import &amp;Notes…</source>
        <translation>&amp;Notizen importieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>User &amp;Name…</source>
        <translation>Benutzer&amp;name…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>Im Artikel &amp;suchen…</translation>
    </message>
    <message>
        <source>Search &amp;Library</source>
        <translation>&amp;Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>All &amp;Notes (Annotations)</source>
        <translation>Alle &amp;Notizen (Anmerkungen)</translation>
    </message>
    <message>
        <source>Every highlight and note of the library, in the left pane</source>
        <translation>Alle Markierungen und Notizen der Bibliothek, im linken Bereich</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>A&amp;rtikel</translation>
    </message>
    <message>
        <source>&amp;Versions…</source>
        <translation>&amp;Fassungen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Briefing Reader</source>
        <translation>Ü&amp;ber Briefing Reader</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The language changes the next time Briefing Reader starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Briefing Reader.</translation>
    </message>
</context>
</TS>
