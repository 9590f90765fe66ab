"""The interface language: the shipped translations, the user's choice, and locale-aware numbers and dates.

Every user-visible string in ``desktop.ui`` goes through :func:`translate` with a fixed context (the
class or module it belongs to), so ``pyside6-lupdate`` finds it (``python -m tools.i18n update``)
and a ``.qm`` file in ``resources/i18n`` translates it at run time. Module-level constants are
marked with ``QT_TRANSLATE_NOOP`` and translated where they are shown.

The language follows the system locale unless View ▸ Language chose one; the choice is stored in
the settings and applied at the next start (a running window keeps its language).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, overload

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from desktop.core import locations

LANGUAGE_KEY = "view/language"
#: The choices of View ▸ Language: "system" follows the locale; the others are language codes.
LANGUAGES: tuple[str, ...] = ("system", "en", "de")
#: Languages with a translation file (English is the source language and needs none).
TRANSLATED: tuple[str, ...] = ("de",)
CATALOG = "briefing"  # resources/i18n/briefing_<lang>.qm


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the interface language (``context`` is the fixed name of the class or module)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


class Labels(Mapping[Any, str]):
    """A table of labels marked with ``QT_TRANSLATE_NOOP(context, …)``, translated whenever it is read."""

    def __init__(self, context: str, labels: Mapping[Any, str]) -> None:
        self.context = context
        self._labels = dict(labels)

    def __getitem__(self, key: Any) -> str:
        return translate(self.context, self._labels[key])

    def __iter__(self) -> Iterator[Any]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)


class LabelList(Sequence[str]):
    """Column titles and the like, marked with ``QT_TRANSLATE_NOOP(context, …)``, translated when read."""

    def __init__(self, context: str, labels: Sequence[str]) -> None:
        self.context = context
        self._labels = tuple(labels)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [translate(self.context, text) for text in self._labels[index]]
        return translate(self.context, self._labels[index])

    def __len__(self) -> int:
        return len(self._labels)


def catalog_path(language: str) -> Path:
    """The compiled translation of one language."""
    return locations.translations_dir() / f"{CATALOG}_{language}.qm"


def stored_language(settings: QSettings) -> str:
    """The language saved in the settings ("system" when unset or unknown)."""
    value = str(settings.value(LANGUAGE_KEY, "system") or "system")
    return value if value in LANGUAGES else "system"


def store_language(settings: QSettings, language: str) -> None:
    """Remember the choice of View ▸ Language (applied at the next start)."""
    settings.setValue(LANGUAGE_KEY, language if language in LANGUAGES else "system")
    settings.sync()


def effective_language(choice: str, system: QLocale | None = None) -> str:
    """The language the interface uses: the choice, or the system's when it is translated, else English."""
    if choice in LANGUAGES and choice != "system":
        return choice
    locale = system if system is not None else QLocale.system()
    code = locale.name().split("_")[0]
    return code if code in TRANSLATED else "en"


def ui_locale(language: str, system: QLocale | None = None) -> QLocale:
    """The locale for numbers and dates: the system's when it speaks the language, else the language's own."""
    locale = system if system is not None else QLocale.system()
    if locale.name().split("_")[0] == language:
        return locale
    if language == "en" and locale.language() == QLocale.Language.C:  # POSIX: stay untranslated, ISO dates
        return locale
    return QLocale(language)


class Translations:
    """The translators installed on the application (ours and Qt's own), replaceable at run time."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []

    def apply(self, language: str, system: QLocale | None = None) -> bool:
        """Switch to ``language`` (a code, not "system"); False when its catalogue is missing."""
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        locale = ui_locale(language, system)
        QLocale.setDefault(locale)
        self.language = language
        if language not in TRANSLATED:
            return language == "en"
        ours = QTranslator(self.app)
        if not ours.load(str(catalog_path(language))):
            self.language = "en"
            return False
        self.app.installTranslator(ours)
        self._installed.append(ours)
        qt_own = QTranslator(self.app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(QLocale(language), "qtbase", "_", folder):
            self.app.installTranslator(qt_own)
            self._installed.append(qt_own)
        return True


def install_translations(app: QCoreApplication, settings: QSettings) -> Translations:
    """Translate the interface into the stored language (or the system's), with numbers and dates to match."""
    translations = Translations(app)
    translations.apply(effective_language(stored_language(settings)))
    return translations


def format_number(value: int | float, decimals: int = 0) -> str:
    """A number with the locale's digit grouping and decimal sign (12.345 in German, 12,345 in English)."""
    if isinstance(value, int):
        return QLocale().toString(value)
    if decimals == 0:
        return QLocale().toString(round(value))
    return QLocale().toString(float(value), "f", decimals)


def format_date(value: str | date | datetime | None) -> str:
    """A calendar day in the locale's short form ("06.12.2026" / "12/6/2026"); ISO text that is not a full
    date (a year, "2024-05") is returned as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return value
    locale = QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), day_format(locale))


def day_format(locale: QLocale | None = None) -> str:
    """The locale's short date format with a four-digit year (06.12.2026, 12/6/2026)."""
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:  # no locale set (POSIX): ISO dates
        return "yyyy-MM-dd"
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def format_datetime(value: str | datetime | None) -> str:
    """A stored timestamp (naive means UTC) as local date and time in the locale's short form."""
    if not value:
        return ""
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    except ValueError:
        return str(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))  # local time
    locale = QLocale()
    return locale.toString(stamp, f"{day_format(locale)} {locale.timeFormat(QLocale.FormatType.ShortFormat)}")


def plural(count: int, one: str, many: str, **values: object) -> str:
    """``one`` (already translated) for a count of 1, else ``many``; ``{n}`` is the count in the locale's
    digits, other fields come from ``values``."""
    return (one if count == 1 else many).format(n=format_number(count), **values)
