#!/usr/bin/env bash
# Packs packages the NuGet mirror lacks into .packages/local (a local feed listed in NuGet.config).
# System.IO.Hashing (needed by Azure.Storage.Blobs): the .NET SDK ships the same MIT-licensed assembly at
# <sdk>/Sdks/Microsoft.NET.Sdk/tools/net10.0/System.IO.Hashing.dll; it is packed as System.IO.Hashing 10.0.12 with
# a lib/net10.0 folder (every consumer here is net10.0). Idempotent; never commit the output.
set -euo pipefail
cd "$(dirname "$0")/.."

id=System.IO.Hashing
version=10.0.12
feed=.packages/local
package="$feed/$(echo "$id" | tr '[:upper:]' '[:lower:]').$version.nupkg"

if [ -f "$package" ]; then
  exit 0
fi

sdk_version=$(dotnet --version)
sdk_dir=$(dotnet --list-sdks | awk -v v="$sdk_version" '$1 == v { sub(/^\[/, "", $2); sub(/\]$/, "", $2); print $2 "/" $1 }')
dll="$sdk_dir/Sdks/Microsoft.NET.Sdk/tools/net10.0/$id.dll"
if [ ! -f "$dll" ]; then
  echo "error: $dll not found; the .NET SDK $sdk_version does not ship $id (expected a 10.0.x SDK)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lib/net10.0" "$work/_rels" "$feed"
cp "$dll" "$work/lib/net10.0/"
cat > "$work/$id.nuspec" <<NUSPEC
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
  <metadata>
    <id>$id</id>
    <version>$version</version>
    <authors>Microsoft</authors>
    <license type="expression">MIT</license>
    <projectUrl>https://dot.net/</projectUrl>
    <description>$id repacked locally from the .NET SDK $sdk_version (assembly file version 10.0.12).</description>
    <dependencies>
      <group targetFramework="net10.0" />
    </dependencies>
  </metadata>
</package>
NUSPEC
cat > "$work/[Content_Types].xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />
  <Default Extension="nuspec" ContentType="application/octet" />
  <Default Extension="dll" ContentType="application/octet" />
</Types>
XML
cat > "$work/_rels/.rels" <<XML
<?xml version="1.0" encoding="utf-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/$id.nuspec" Id="R0" />
</Relationships>
XML

tmp_package="$work/package.nupkg"
if command -v zip >/dev/null 2>&1; then
  (cd "$work" && zip -q -X -r package.nupkg "$id.nuspec" "[Content_Types].xml" _rels lib)
elif command -v python3 >/dev/null 2>&1; then
  (cd "$work" && python3 -c 'import sys, zipfile
with zipfile.ZipFile("package.nupkg", "w", zipfile.ZIP_DEFLATED) as z:
    for f in sys.argv[1:]: z.write(f)' "$id.nuspec" "[Content_Types].xml" _rels/.rels "lib/net10.0/$id.dll")
else
  echo "error: need zip or python3 to build $package" >&2
  exit 1
fi
mv "$tmp_package" "$package"
echo "packed $package from $dll"
