#!/usr/bin/env node
require('./launch').launch('istioctl');
