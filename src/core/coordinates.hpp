// A place on earth in decimal degrees (WGS 84), as entered: no geocoding service is called.
#pragma once

namespace caseboard {

struct Coordinates {
  double latitude = 0;   // -90 .. 90
  double longitude = 0;  // -180 .. 180
};

}  // namespace caseboard
