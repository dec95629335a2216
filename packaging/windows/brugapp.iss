; Inno Setup script: wraps dist\BrugApp (made by packaging\brugapp.spec) into one installer.
[Setup]
AppName=BrugApp
AppVersion=0.1.0
DefaultDirName={autopf}\BrugApp
DefaultGroupName=BrugApp
OutputBaseFilename=BrugApp-setup
PrivilegesRequired=lowest

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Files]
Source: "..\..\dist\BrugApp\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{group}\BrugApp"; Filename: "{app}\BrugApp.exe"
