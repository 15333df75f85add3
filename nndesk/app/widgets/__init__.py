"""Generic widgets that know nothing of nndesk: a flow layout, a tile grid, a locale-aware axis, a redraw throttle."""
