"""The highlight colours as the light theme tints text: one table for the window and the exports."""

#: The highlight colours an annotation can have, in the order they are offered.
COLORS = ("yellow", "green", "blue", "pink", "purple", "orange", "red", "gray")

#: Highlight colour name -> background tint of the light theme.
HIGHLIGHT_TINTS = {
    "yellow": "#f0d475",
    "green": "#aee8bb",
    "blue": "#a9c6fb",
    "red": "#fba494",
    "purple": "#dcaaf0",
    "pink": "#f5a3c7",
    "orange": "#f8bb82",
    "gray": "#d3d5d8",
}
