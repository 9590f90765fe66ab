<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ActorDialogs</name>
    <message>
        <source>Merge actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which actor is “{name}” the same as? Similar names come first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the actor to merge into.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActorsPanel</name>
    <message>
        <source>Whole library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the actors of every article instead of this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter actors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous mention in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next mention in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this actor; its names are not recognised again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark selection as actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the words selected in the text an actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{x1} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalysisViews</name>
    <message>
        <source>Show &amp;Quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark who said what in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ctors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the dossier of this actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the dossier of the actor chosen here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an actor first: in the sidebar, in the text or in the relations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an article first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Dossier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <source>Write a note… (saved as you type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags, e.g. politik/wahl quelle (Enter saves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this highlight and its note (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a highlight to write a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No highlight selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{x1} highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>This library is already open in another Briefing Reader window that does not respond (or on another computer). Close that window, or start with another library (--db).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library is open in another program; close it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleActions</name>
    <message>
        <source>Next article in the list (Alt+Down or J in the reading pane)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous article in the list (Alt+Up or K in the reading pane)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleMetaDialog</name>
    <message>
        <source>Article details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD; empty: no date known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the newspaper or agency; empty: none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Briefing Reader – Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <source>Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dossier shown before this one (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Articles over time&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related actors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{x1} (the actor may have been merged into another or removed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also named: {shown}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other names in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier exported to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dossier could not be exported: {x1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the notes of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obsidian vault (a folder of linked notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the vault folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obsidian Vault Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obsidian vault written: {x1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes could not be exported: {x1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{x1} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstHint</name>
    <message>
        <source>Got it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the hint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Import report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the report as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop importing after the current file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such file or folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder holds no importable files.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryFilterBar</name>
    <message>
        <source>Filter by tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show articles by reading state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which articles to list: archived ones are hidden unless chosen here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Search the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} {noun}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Briefing Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes exported to {p}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obsidian vault: {x1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes imported: {x1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Briefing Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Briefing Reader&lt;/b&gt;&lt;br&gt;{ABOUT}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelNotice</name>
    <message>
        <source>⚠ Entity model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkScene</name>
    <message>
        <source>{name}
{kind} · {mentions} mention{x1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Relations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> shared sentence(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links between actors named together in fewer sentences are left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  · size: mentions · line width: shared sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out the network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No two actors are named in the same sentence here (try a lower minimum).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n_nodes} actors, {n_edges} links. Click an actor to select it, double-click for its dossier; the wheel zooms, dragging moves.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesFilterBar</name>
    <message>
        <source>Search notes and passages…</source>
        <extracomment>Period choices: label and the number of days back (0: today only; None: any time; -1: custom).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search notes and passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesImport</name>
    <message>
        <source>Import Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web Annotations (*.json *.jsonld);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the notes listed (as filtered) to Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} note{x1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaneLayout</name>
    <message>
        <source>Only the text (F11 or Esc leaves)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuotesPanel</name>
    <message>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who made the selected statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected statement; it is not found again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark selection as quote…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the words selected in the text a statement and say who made it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an article to see who said what in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No statements were found in this article. Select words in the text to mark one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} statement{x1} by {speakers} named speaker{x2}. Click one to find it in the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier of {x1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement ({who})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as quote…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReaderToolbar</name>
    <message>
        <source>Quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All highlight colours; rename what a colour means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: show or hide their highlights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the highlights of {x1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes: show or hide the marks of who said what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the marks of quoted and reported statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename colour meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight: {x1}{hint}
Right-click to rename the meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename colour meaning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What do you use {color} for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as actor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Highlight in the default colour: {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight: {label}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReanalysisRunner</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the current article (the finished ones are kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding quotes in older articles: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current article…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Library damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}

Restore the newest backup ({name})? The damaged file is kept in the backups folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily backup could not be made: {backup_error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the library from {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore failed: {x1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library could not be checked: {x1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter shortcuts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidebarView</name>
    <message>
        <source>Actors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeakerDialog</name>
    <message>
        <source>Mark as quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who said “{x1}{x2}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter actors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct quote (the speaker&apos;s own words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported speech</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Article Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The versions could not be loaded: {x1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an article to see its versions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowImporting</name>
    <message>
        <source>The library could not be read: {x1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no text to import.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>View ▸ Language: each language named in itself, so a reader finds their own.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste as New Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search &amp;Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All &amp;Notes (Annotations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every highlight and note of the library, in the left pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Briefing Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes the next time Briefing Reader starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
