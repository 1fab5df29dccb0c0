// The one measure of columns lives in the TerminalText target, which the line editor shares;
// re-exported so the core and the tool see `DisplayWidth` without importing it themselves.
@_exported import TerminalText
