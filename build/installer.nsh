; Copies a machine-wide config.json shipped beside the installer to %ProgramData%\samen\config.json,
; so IT can set server URL, mode (workstation, shared, kiosk) and idle times per installation.
!macro customInstall
  IfFileExists "$EXEDIR\config.json" 0 +3
    CreateDirectory "$COMMONAPPDATA\samen"
    CopyFiles /SILENT "$EXEDIR\config.json" "$COMMONAPPDATA\samen\config.json"
!macroend
