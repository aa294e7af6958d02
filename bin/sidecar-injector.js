#!/usr/bin/env node
require('./launch').launch('sidecar-injector');
