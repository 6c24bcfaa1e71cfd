// core/china_coordinates.h — GCJ-02 (国测局坐标, the "Mars" datum of Chinese maps: Amap/Gaode, Tencent) to and from
// WGS-84, the one place in the product where they meet. Sites are stored in WGS-84; coordinates staff copy from
// Amap, and tiles drawn by Chinese providers, are GCJ-02, off by 100–700 m in most of China.
//
// The offset is the published reverse-engineering of the datum's obfuscation (the polynomial of the widely used
// open-source implementations, e.g. googollee/eviltransform and wandergis/coordtransform, on the Krasovsky 1940
// ellipsoid: a = 6378245 m, e² = 0.00669342162296594323). WGS-84 → GCJ-02 is that formula; GCJ-02 → WGS-84 has no
// closed form and is solved by fixed-point iteration to below 1 mm. Outside mainland China's bounding box no offset
// is applied (as the providers do); Hong Kong, Macau and Taiwan fall inside the box and are shifted, as by those
// implementations — good enough for a county's union sites.
#pragma once
#include "core/units.h"

namespace gongyou {

/// True when GCJ-02 shifts this position (inside the box lon 72.004–137.8347, lat 0.8293–55.8271).
bool inside_china_datum_box(LatLon p);

/// The GCJ-02 position of a WGS-84 one.
LatLon wgs84_to_gcj02(LatLon wgs);

/// The WGS-84 position of a GCJ-02 one (iterated inverse, error below 1 mm).
LatLon gcj02_to_wgs84(LatLon gcj);

}  // namespace gongyou
