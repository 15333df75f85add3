; Inno Setup 6 script: wraps the PyInstaller bundle in a one-file installer, dist\nndesk-<version>-setup.exe.
;
;   python packaging\build.py bundle
;   iscc /DAppVersion=0.1.0 packaging\windows\nndesk.iss
;
; Per-user by default (no administrator rights needed on a lab or school PC); the
; installer offers an all-users install to those who have them.  Paths are relative
; to this file.  Uninstalling removes the program, not the user's models or settings.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{00240D87-8B79-4A34-9577-E7295DD6B68B}
AppName=nndesk
AppVersion={#AppVersion}
AppVerName=nndesk {#AppVersion}
AppPublisher=nndesk developers
AppComments=A desktop lab for learning how neural networks work
DefaultDirName={autopf}\nndesk
DefaultGroupName=nndesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=nndesk-{#AppVersion}-setup
SetupIconFile=..\..\build\pyinstaller\nndesk.ico
UninstallDisplayIcon={app}\nndesk.exe
Compression=lzma2/fast
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\nndesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\nndesk"; Filename: "{app}\nndesk.exe"
Name: "{autodesktop}\nndesk"; Filename: "{app}\nndesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\nndesk.exe"; Description: "{cm:LaunchProgram,nndesk}"; Flags: nowait postinstall skipifsilent
