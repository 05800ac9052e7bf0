import { after } from 'mocha';
import { freshEmbedded, removeEmbeddedDirs } from '../support/store-location.js';
import { storeContract } from '../contract/store-contract.js';

after(removeEmbeddedDirs);

storeContract('embedded', freshEmbedded);
