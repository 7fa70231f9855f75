import { type DemoDataSet } from '../domain/demo/demo-data';
/** Reads the demo data set, or creates it (with new keys and secrets) when the file does not exist. */
export declare function ensureDemoDataSet(path: string, where: {
    gateway: string;
    kafka: string[];
}): {
    dataSet: DemoDataSet;
    created: boolean;
};
