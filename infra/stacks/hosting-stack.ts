/**
 * Hosting of the add-in: a private S3 bucket behind CloudFront (origin access control, HTTPS only,
 * TLS 1.2+, security headers with a Content-Security-Policy that allows exactly Office.js, Entra ID
 * sign-in and the API), long caching for hashed chunks and short caching for everything else
 * (manifest.xml, taskpane.html, functions.json …), and the release folder deployed into it.
 * Its origin is what the API's CORS allows. A custom domain and certificate are optional.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import type { CfnElement } from "aws-cdk-lib";
import type { StackProps } from "aws-cdk-lib";
import { Certificate } from "aws-cdk-lib/aws-certificatemanager";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, CacheControl, Source } from "aws-cdk-lib/aws-s3-deployment";
import type { Construct } from "constructs";
import type { InfraSettings } from "#infra/context.ts";
import { contentSecurityPolicy } from "#infra/hosting/content-security-policy.ts";
import type { ReleaseFolder } from "#infra/hosting/release-folder.ts";

/** Inputs of the hosting stack. */
export interface HostingStackProps extends StackProps {
  readonly settings: InfraSettings;
  /** The release to deploy; undefined before the first `npm run release` (nothing deployed). */
  readonly release?: ReleaseFolder;
}

/** Files whose names carry a content hash (esbuild's chunkNames): cached for a year. */
export const HASHED_PATH = "chunks/*";
/** Browser and CDN lifetime of everything else: a new release reaches staff within minutes. */
export const SHORT_CACHE = Duration.minutes(5);
export const LONG_CACHE = Duration.days(365);

/** The add-in's bucket, distribution and deployment. */
export class HostingStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<custom domain or CloudFront domain>`: the manifest's URLs and the API's CORS. */
  readonly origin: string;
  /** The deployments of the release (hashed chunks, the rest); empty before the first release. */
  readonly deployments: BucketDeployment[] = [];

  constructor(scope: Construct, id: string, props: HostingStackProps) {
    super(scope, id, props);
    const { settings, release } = props;

    const logs = new Bucket(this, "AccessLogs", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are written with ACLs: the log bucket must allow object-writer ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: "AwsSolutions::AwsSolutions-S1",
      reason: "This bucket receives the access logs of the add-in bucket and of CloudFront; logging it into itself would loop.",
    });

    this.bucket = new Bucket(this, "Site", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: "s3/",
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const headers = new ResponseHeadersPolicy(this, "SecurityHeaders", {
      comment: "Action Plan add-in: HSTS, nosniff, referrer policy and the CSP",
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(release?.api), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: false, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
        // Deliberately no frameOptions: Office on the web shows the task pane inside its own iframe.
      },
    });

    const shortCache = new CachePolicy(this, "ShortCache", {
      comment: "manifest.xml, pages, functions.json, unhashed bundles: refreshed within minutes",
      defaultTtl: SHORT_CACHE,
      maxTtl: SHORT_CACHE,
      minTtl: Duration.seconds(0),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const longCache = new CachePolicy(this, "LongCache", {
      comment: "content-hashed chunks: a new release has new names",
      defaultTtl: LONG_CACHE,
      maxTtl: LONG_CACHE,
      minTtl: LONG_CACHE,
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const behaviour = {
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      compress: true,
      responseHeadersPolicy: headers,
    };
    const certificate =
      settings.addinCertificateArn !== undefined
        ? Certificate.fromCertificateArn(this, "Certificate", settings.addinCertificateArn)
        : undefined;
    this.distribution = new Distribution(this, "Distribution", {
      comment: `${settings.prefix} Excel add-in`,
      defaultBehavior: { ...behaviour, cachePolicy: shortCache },
      additionalBehaviors: { [HASHED_PATH]: { ...behaviour, cachePolicy: longCache } },
      defaultRootObject: "support.html",
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: "cloudfront/",
      ...(certificate !== undefined && settings.addinDomain !== undefined
        ? { certificate, domainNames: [settings.addinDomain], minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
    });
    this.origin = `https://${settings.addinDomain ?? this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge(
      {
        id: "AwsSolutions::AwsSolutions-CFR1",
        reason: "No geo restriction: the staff travel (EU projects, partners abroad) and the pages are public static files; the API checks every token.",
      },
      {
        id: "AwsSolutions::AwsSolutions-CFR2",
        reason: "No WAF on static, public add-in files (no forms, no server code); requests that matter go to the API, which verifies Entra ID tokens and is throttled.",
      },
    );
    if (certificate === undefined)
      Validations.of(this.distribution).acknowledge({
        id: "AwsSolutions::AwsSolutions-CFR4",
        reason: "Without the optional custom domain the distribution uses CloudFront's default *.cloudfront.net certificate, whose TLS floor AWS sets; pass addinDomain and addinCertificateArn to enforce TLSv1.2_2021.",
      });

    if (release !== undefined) this.deploy(release);

    new CfnOutput(this, "AddinOrigin", { value: this.origin, description: "Origin of the add-in: npm run release -- --origin <this>" });
    new CfnOutput(this, "DistributionDomainName", { value: this.distribution.distributionDomainName, description: "CNAME target of the custom domain" });
    new CfnOutput(this, "SiteBucketName", { value: this.bucket.bucketName });
    new CfnOutput(this, "ReleaseVersion", { value: release?.version ?? "none (run npm run release, then deploy this stack again)" });
  }

  /** Two deployments: hashed chunks (kept across releases for panes still open) and the rest. */
  private deploy(release: ReleaseFolder): void {
    const common = { destinationBucket: this.bucket, memoryLimit: 512 };
    this.deployments.push(
      new BucketDeployment(this, "DeployChunks", {
        ...common,
        sources: [Source.asset(release.path)],
        include: [HASHED_PATH],
        exclude: ["*"],
        // Old chunks stay: a pane opened before the update still loads its own chunks.
        prune: false,
        cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(LONG_CACHE), CacheControl.immutable()],
      }),
    );
    this.deployments.push(
      new BucketDeployment(this, "DeployRelease", {
        ...common,
        sources: [Source.asset(release.path)],
        exclude: [HASHED_PATH],
        prune: true,
        cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(SHORT_CACHE)],
        distribution: this.distribution,
        distributionPaths: ["/*"],
      }),
    );
    this.deployments[1]?.node.addDependency(this.deployments[0] as BucketDeployment);
    this.acknowledgeDeploymentHandler();
  }

  /** The findings of CDK's own BucketDeployment handler (one singleton Lambda per stack), with why. */
  private acknowledgeDeploymentHandler(): void {
    const handler = this.node.children.find((c) => c.node.id.startsWith("Custom::CDKBucketDeployment"));
    if (handler === undefined) return;
    const bucketId = this.resolve((this.bucket.node.defaultChild as CfnElement).logicalId) as string;
    const why =
      "CDK's BucketDeployment handler copies the release into the add-in bucket: CDK writes this policy, scoped to the CDK asset bucket and the add-in bucket";
    Validations.of(handler).acknowledge(
      ...["s3:GetObject*", "s3:GetBucket*", "s3:List*", "s3:DeleteObject*", "s3:Abort*"].map((action) => ({
        id: `AwsSolutions::AwsSolutions-IAM5[Action::${action}]`,
        reason: `${why}; ${action} is the action group S3 grants use for a copy with prune.`,
      })),
      {
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
        reason: `${why}; it must write any object of the add-in bucket (the release's files).`,
      },
      {
        id: "AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]",
        reason: `${why}; it reads the release's zip from the CDK bootstrap asset bucket.`,
      },
      {
        id: "AwsSolutions::AwsSolutions-IAM5[Resource::*]",
        reason: "cloudfront:CreateInvalidation/GetInvalidation do not support resource-level permissions; the handler invalidates the distribution after each release.",
      },
      {
        id: "AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
        reason: "CDK's BucketDeployment handler role comes with the basic execution policy (its own logs); CDK does not let us replace that role's policy.",
      },
      {
        id: "AwsSolutions::AwsSolutions-L1",
        reason: "The BucketDeployment handler's runtime is chosen by aws-cdk-lib and moves with it; upgrading aws-cdk-lib upgrades it.",
      },
    );
  }
}
