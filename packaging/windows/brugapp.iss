; Inno Setup script: wraps dist\BrugApp (made by packaging\brugapp.spec) into one installer.
; Installs for the current user only, without administrator rights: a school or municipal laptop where
; nobody can "run as administrator" still gets BrugApp. See README.md beside this file.
#define AppVersion "0.1.0"

[Setup]
AppId={{6B7C1E52-3F0A-4B8E-9C41-5A2D0B7E1F15}
AppName=BrugApp
AppVersion={#AppVersion}
AppPublisher=BrugApp
; Per user, no UAC prompt: {localappdata}\Programs\BrugApp, shortcuts in the user's own Start menu.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={localappdata}\Programs\BrugApp
DefaultGroupName=BrugApp
DisableProgramGroupPage=yes
UsedUserAreasWarning=no
OutputDir=..\..\dist
OutputBaseFilename=BrugApp-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\BrugApp.exe
WizardStyle=modern

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\BrugApp\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{userprograms}\BrugApp"; Filename: "{app}\BrugApp.exe"
Name: "{userdesktop}\BrugApp"; Filename: "{app}\BrugApp.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\BrugApp.exe"; Description: "{cm:LaunchProgram,BrugApp}"; Flags: nowait postinstall skipifsilent

; The user's notebook (%LOCALAPPDATA%\BrugApp) is never removed by the uninstaller: it is their work.
